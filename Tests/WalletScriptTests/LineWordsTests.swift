import Testing
import WalletCore
@testable import WalletScript

/// The lexer's words as offsets (`RawToken`), the reused `TokenBuffer`, and `PackedWord`, by
/// which a line's command and option keys are found without making Strings.
@Suite struct LineWordsTests {
    func words(_ line: String, into buffer: inout TokenBuffer) -> [(key: String?, value: String)] {
        var bytes = Array(line.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { Lexer.tokenize(bytes: UnsafeBufferPointer($0), into: &buffer) } == nil)
        return (0..<buffer.wordCount).map { index in
            let word = buffer.words[index]
            let key = word.isOption ? String(decoding: bytes[word.offset..<word.offset + Int(word.keyLength)], as: UTF8.self) : nil
            let value = word.quoted >= 0 ? buffer.quoted[Int(word.quoted)] : String(decoding: bytes[word.valueOffset..<word.valueEnd], as: UTF8.self)
            return (key, value)
        }
    }

    /// A word holds no reference: copying one retains nothing, and 64 of them fit in 1.5 KB.
    @Test func aWordIsTwentyFourBytes() {
        #expect(MemoryLayout<RawToken>.size == 24)
        #expect(_isPOD(RawToken.self))
        #expect(_isPOD(Arg.self))
        // The reader holds no reference either: making and dropping one a line costs nothing.
        #expect(_isPOD(ArgReader.self))
    }

    /// The buffer is reused: a short line after a long one, or a plain line after a quoted
    /// one, has only its own words.
    @Test func aReusedBufferHoldsOnlyTheLastLine() {
        var buffer = TokenBuffer()
        #expect(words("card visa name:\"A B\" exp:12/30 x y z", into: &buffer).count == 7)
        #expect(buffer.quoted == ["A B"])
        let pay = words("pay 5 to:cafe", into: &buffer)
        #expect(pay.map(\.value) == ["pay", "5", "cafe"])
        #expect(pay.map(\.key) == [nil, nil, "to"])
        #expect(buffer.quoted.isEmpty)
        #expect(words("   # only a comment", into: &buffer).isEmpty)
        #expect(words("to:\"Tea House\" \"x y\"", into: &buffer).map(\.value) == ["Tea House", "x y"])
        #expect(buffer.quoted == ["Tea House", "x y"])
    }

    /// 64 words fill the buffer; the 65th is refused where it starts.
    @Test func sixtyFourWordsAndNoMore() {
        var buffer = TokenBuffer()
        let full = Array(repeating: "w", count: Lexer.maxTokens).joined(separator: " ")
        #expect(words(full, into: &buffer).count == 64)
        var bytes = Array((full + " x").utf8)
        let problem = bytes.withUnsafeMutableBufferPointer { Lexer.tokenize(bytes: UnsafeBufferPointer($0), into: &buffer) }
        #expect(problem?.column == 129)
        #expect(problem?.message == "more than 64 words on one line")
    }

    @Test func packedWordsDifferByEveryByteAndTheLength() throws {
        #expect(PackedWord("exp") != PackedWord("expires"))
        #expect(PackedWord("to") != PackedWord("qr"))
        #expect(PackedWord("nationality") == PackedWord("nationality"))
        #expect(PackedWord("abcdefgh") != PackedWord("abcdefgi"))
        #expect(PackedWord("abcdefghijklmno") != PackedWord("abcdefghijklmnp"))
        #expect(PackedWord(String(repeating: "a", count: 15)) != nil)
        #expect(PackedWord(String(repeating: "a", count: 16)) == nil)
        #expect(PackedWord("") == PackedWord(""))
        #expect(PackedWord("") != PackedWord("a"))
    }

    /// Every name and alias is found, by its bytes; every option key can be matched.
    @Test func everyNameAndKeyPacks() {
        for spec in CommandTable.all {
            for name in [spec.name] + spec.aliases { #expect(CommandTable.lookUp(name) === spec, "\(name)") }
            #expect(spec.optionNames.count == spec.options.count, "\(spec.name)")
        }
        #expect(CommandTable.lookUp("pa") == nil)
        #expect(CommandTable.lookUp("payy") == nil)
        #expect(CommandTable.lookUp("Pay") == nil)
        #expect(CommandTable.lookUp("é") == nil)
        #expect(CommandTable.lookUp("") == nil)
    }

    /// `card` skips the brand look-up for a word opening with a digit: no brand word does.
    @Test func aCardWordOpeningWithADigitIsANumber() throws {
        #expect(TestCard.all.allSatisfy { !($0.word.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? true) })
        #expect(parsed("card 4111 1111 1111 1111", as: CardCommand.self)?.request.number == "4111 1111 1111 1111")
        #expect(parsed("card VISA", as: CardCommand.self)?.request.sandbox?.word == "visa")
        #expect(parsed("card \u{0663}", as: CardCommand.self)?.request.number == "\u{0663}")
        #expect(diagnostic("card visaa")?.message.contains("unknown card brand 'visaa'") == true)
    }
}
