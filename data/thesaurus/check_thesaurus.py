#!/usr/bin/env python3
"""renkei シソーラスの書式チェック。

使い方:
    python3 check_thesaurus.py [ファイル ...]
引数がなければ、このスクリプトと同じフォルダの *.txt をすべて検査する。

エラー（終了コード 1）:
  - 1行に '=' と '~' が混在している
  - 区切り記号がない（語が1つだけ）
  - 空の語がある（'A = = B' や行末の '='）
  - 語数が 2 未満または 12 超
  - 語の中に全角の ＝ ～ ＃ がある（正規化で区切り記号に化けるおそれ）
  - UTF-8 として読めない
警告（表示のみ）:
  - 1行の中で、正規化後に同じになる語が重複している
  - 同じ語（正規化後）が2つ以上の '=' 行に出てくる
"""
import sys
import unicodedata
from pathlib import Path

MIN_TERMS, MAX_TERMS = 2, 12
BAD_CHARS = "＝～＃"


def normalize(term: str) -> str:
    """照合用の近似正規化: NFKC + 小文字化 + カタカナ→ひらがな + 連続空白を1つに。"""
    s = unicodedata.normalize("NFKC", term).casefold()
    s = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)
    return " ".join(s.split())


def check_file(path: Path, eq_index: dict):
    errors, warnings = [], []
    n_lines = n_terms = n_eq = n_rel = 0
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        return [f"{path.name}: UTF-8 として読めません: {e}"], [], (0, 0, 0, 0)
    for lineno, raw in enumerate(text.splitlines(), 1):
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        where = f"{path.name}:{lineno}"
        has_eq, has_rel = "=" in body, "~" in body
        if has_eq and has_rel:
            errors.append(f"{where}: '=' と '~' が混在しています: {body}")
            continue
        if not (has_eq or has_rel):
            errors.append(f"{where}: 区切り記号 '=' / '~' がありません: {body}")
            continue
        sep = "=" if has_eq else "~"
        terms = [t.strip() for t in body.split(sep)]
        if any(not t for t in terms):
            errors.append(f"{where}: 空の語があります: {body}")
            continue
        if not MIN_TERMS <= len(terms) <= MAX_TERMS:
            errors.append(f"{where}: 語数 {len(terms)}（{MIN_TERMS}〜{MAX_TERMS} 語にしてください）")
            continue
        for t in terms:
            if any(c in t for c in BAD_CHARS):
                errors.append(f"{where}: 語に全角の ＝～＃ が含まれています: {t}")
        seen = {}
        for t in terms:
            k = normalize(t)
            if k in seen:
                warnings.append(f"{where}: 行内で重複（正規化後同じ）: {seen[k]} / {t}")
            else:
                seen[k] = t
        if sep == "=":
            n_eq += 1
            for k, t in seen.items():
                eq_index.setdefault(k, []).append((where, t))
        else:
            n_rel += 1
        n_lines += 1
        n_terms += len(terms)
    return errors, warnings, (n_lines, n_terms, n_eq, n_rel)


def main(argv):
    here = Path(__file__).resolve().parent
    files = [Path(a) if Path(a).exists() else here / a for a in argv] or sorted(here.glob("*.txt"))
    eq_index = {}
    all_err, all_warn, rows = [], [], []
    for f in files:
        e, w, stats = check_file(f, eq_index)
        all_err += e
        all_warn += w
        rows.append((f.name, *stats))
    for k, occ in sorted(eq_index.items()):
        if len(occ) > 1:
            locs = ", ".join(f"{w}({t})" for w, t in occ)
            all_warn.append(f"同じ語が複数の '=' 行にあります: {locs}")
    for m in all_err:
        print("ERROR  ", m)
    for m in all_warn:
        print("WARNING", m)
    print()
    print(f"{'file':32} {'lines':>6} {'terms':>6} {'= lines':>8} {'~ lines':>8}")
    tot = [0, 0, 0, 0]
    for name, *st in rows:
        print(f"{name:32} {st[0]:6d} {st[1]:6d} {st[2]:8d} {st[3]:8d}")
        tot = [a + b for a, b in zip(tot, st)]
    print(f"{'TOTAL':32} {tot[0]:6d} {tot[1]:6d} {tot[2]:8d} {tot[3]:8d}")
    print(f"\nerrors: {len(all_err)}  warnings: {len(all_warn)}")
    return 1 if all_err else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
