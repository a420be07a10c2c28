/// Trimming as Foundation's `trimmingCharacters(in:)` does with its two whitespace sets,
/// scalar by scalar; that method lives in the part of Foundation kaderctl does not link.
extension StringProtocol {
    /// Without leading and trailing `CharacterSet.whitespacesAndNewlines`.
    var trimmed: String { trimming(while: \.isWhitespaceOrNewline) }

    /// Without leading and trailing `CharacterSet.whitespaces` (spaces and tabs, no newlines).
    var trimmedOfSpaces: String { trimming(while: \.isWhitespace) }

    private func trimming(while isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// `CharacterSet.whitespaces`, listed as Foundation lists it: the space separators of an
    /// older Unicode (with the zero-width space) and the tab.
    fileprivate var isWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: those and U+000A…U+000D, U+0085, U+2028, U+2029.
    fileprivate var isWhitespaceOrNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: isWhitespace
        }
    }
}
