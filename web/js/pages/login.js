// ログイン: user name and password → a session cookie; then the page the
// user wanted (`next`, a path on this site only).
import * as api from "../api.js";
import { h, params } from "../ui.js";
import { field, showError, showMessage, busy } from "../forms.js";

function nextPage() {
  const next = params().next || "/";
  // Only a path of this site: no "//host" or "https:" (an open redirect).
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

async function main() {
  document.title = "ログイン — 連携 renkei";
  if (await api.session().catch(() => null)) {
    location.replace(nextPage());
    return;
  }
  const form = h("form", { class: "card card-body shadow-sm", novalidate: true, id: "login-form" },
    field("username", "ユーザー名", { required: true, attrs: { autocomplete: "username", autofocus: true } }),
    field("password", "パスワード", { type: "password", required: true, attrs: { autocomplete: "current-password" } }),
    h("button", { type: "submit", class: "btn btn-primary" }, "ログイン"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    await busy(form, async () => {
      try {
        await api.login(username, password);
        location.assign(nextPage());
      } catch (e) {
        if (e.status === "UNAUTHENTICATED") {
          showMessage(form, "danger", "ユーザー名またはパスワードが違います。");
          form.elements.password.select();
        } else {
          showError(form, e);
        }
      }
    });
  });
  const expired = params().next ? h("p", { class: "text-muted small" },
    "続けるにはログインしてください。ログイン後、開いていた画面に戻ります。") : null;
  document.body.replaceChildren(h("main", { class: "container py-5", id: "main", style: { maxWidth: "28rem" } },
    h("h1", { class: "h3 mb-1" }, "連携 ", h("small", { class: "text-muted" }, "renkei")),
    h("p", { class: "text-muted" }, "一関市 産学官金連携データベース"),
    expired, form));
}

main();
