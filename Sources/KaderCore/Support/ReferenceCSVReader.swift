/// Reads the reference CSV files record by record: comma-separated fields, optionally in
/// double quotes (a quote inside doubled), lines ending in LF or CRLF, blank lines skipped.
/// Spaces around an unquoted field are dropped: a few names in the data end in one.
/// Hand-written because the 2 MB of wilayah must load in milliseconds.
struct ReferenceCSVReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var position = 0
    /// The line of the record last read, one-based.
    private(set) var line = 0

    /// `bytes` must stay valid while the reader is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Reads the next record's fields into `fields`; false at the end of the file.
    mutating func nextRecord(into fields: inout [String]) throws(RegionDataError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        while position < bytes.count {
            line += 1
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != .lineFeed { end += 1 }
            position = end + 1
            if end > start, bytes[end - 1] == .carriageReturn { end -= 1 }
            if end > start {
                try split(start..<end, into: &fields)
                return true
            }
        }
        return false
    }

    /// An error at the record last read.
    func error(_ reason: String) -> RegionDataError {
        RegionDataError(file: file, line: line, reason: reason)
    }

    private func split(_ range: Range<Int>, into fields: inout [String]) throws(RegionDataError) {
        var index = range.lowerBound
        while true {
            if index < range.upperBound, bytes[index] == .quote {
                var field: [UInt8] = []
                index += 1
                while true {
                    guard index < range.upperBound else { throw error("a quoted field has no closing quote") }
                    if bytes[index] == .quote {
                        guard index + 1 < range.upperBound, bytes[index + 1] == .quote else { break }
                        index += 1
                    }
                    field.append(bytes[index])
                    index += 1
                }
                index += 1
                guard index == range.upperBound || bytes[index] == .comma else {
                    throw error("a quoted field is followed by more text before the next comma")
                }
                fields.append(try field.withUnsafeBufferPointer { (field) throws(RegionDataError) in try string(field) })
            } else {
                var start = index
                while index < range.upperBound, bytes[index] != .comma { index += 1 }
                var end = index
                while start < end, bytes[start] == .space { start += 1 }
                while end > start, bytes[end - 1] == .space { end -= 1 }
                fields.append(try string(UnsafeBufferPointer(rebasing: bytes[start..<end])))
            }
            if index == range.upperBound { return }
            index += 1
        }
    }

    private func string(_ field: UnsafeBufferPointer<UInt8>) throws(RegionDataError) -> String {
        guard let text = String(validating: field, as: UTF8.self) else { throw error("the text is not valid UTF-8") }
        return text
    }
}

extension UInt8 {
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let space = UInt8(ascii: " ")
}
