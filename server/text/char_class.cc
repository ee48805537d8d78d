#include "server/text/char_class.h"

namespace renkei::text {

bool IsKatakana(char32_t c) { return (c >= U'ァ' && c <= U'ヺ') || c == U'ー'; }

bool IsKanji(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || c == U'々'; }

}  // namespace renkei::text
