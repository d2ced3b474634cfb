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

/// Names kept between lines (`NameMemo`) and the packing of a word in place: the fast ways
/// give what the full ones give.
@Suite struct NameMemoTests {
    /// Every word of every length at every place in lines of 1 to 20 bytes packs as its bytes do,
    /// the line ending at a guard page (a load past its end would stop the test).
    @Test func aWordPackedInPlaceIsItsBytesPacked() {
        let texts: [[UInt8]] = [Array("pay 12 to:cafe-au-lait x".utf8), Array(0xE0...0xF7), Array(1...24)]
        for text in texts {
            for length in 1...20 {
                GuardedBytes.withBytes(Array(text.prefix(length))) { line in
                    for start in 0...length {
                        for end in start...length {
                            let full = PackedWord(UnsafeBufferPointer(rebasing: line[start..<end]))
                            #expect(PackedWord(in: line, from: start, to: end) == full, "\(text[0]) \(length) \(start)..<\(end)")
                        }
                    }
                }
            }
        }
    }

    /// The same name on many lines, and many names sharing the memo's slots, each come back
    /// as typed, through the session's reused buffer as through a fresh one.
    @Test func namesReadAgainAreTheNamesTyped() throws {
        var tokens = TokenBuffer()
        let names = (0..<200).map { "m\($0)" } + ["cafe", "cross-qr", "a", "Zz_9.-x", "fifteen-letters", "seventeen-letters", String(repeating: "n", count: 32)]
        for round in 0..<3 {
            for name in names {
                let line = "pay 1 to:\(name)"
                let reused = CommandTable.parse(line, tokens: &tokens)
                let fresh = CommandTable.parse(line)
                guard case .success(let command?) = reused, let pay = command.base as? PayCommand else {
                    Issue.record("\(line) in round \(round): \(reused)")
                    continue
                }
                #expect(pay.target == .merchant(name), "\(line) in round \(round)")
                #expect((try fresh.get()?.base as? PayCommand)?.target == pay.target)
            }
        }
    }

    /// A name found by `ArgReader.name`'s inline look-up (its bytes loaded in one go, a line of
    /// 4 bytes or more) is the one the full way makes: names at the end of lines of 6 to 40
    /// bytes, after a name sharing their slot, read again and again through one buffer.
    @Test func namesFoundInlineAreTheNamesTheFullWayMakes() throws {
        var tokens = TokenBuffer()
        let names = ["a", "ab", "abc", "Zz_9.-x", "eight-ch", "nine-char", "u1", "u17", "m-0", "m.0", "M0", "cafe", "cross-qr"]
        for round in 0..<4 {
            for name in names {
                for line in ["user \(name)", "merchant \(name)", "pay 1 to:\(name)", "pay 1 to:\(name) password:123456", "transfer 1.50 to:\(name)"] {
                    let reused = CommandTable.parse(line, tokens: &tokens)
                    let fresh = CommandTable.parse(line)
                    let a = try reused.get().map { "\($0.base)" }, b = try fresh.get().map { "\($0.base)" }
                    #expect(a == b, "\(line) in round \(round)")
                    #expect(a?.contains(name) == true, "\(line): \(a ?? "nil")")
                }
            }
        }
    }

    /// What the careful way refuses is never kept: the same line gives the same error again.
    @Test func refusedNamesAreRefusedAgain() {
        var tokens = TokenBuffer()
        for line in ["transfer 5 to:4111111111111111", "pay 1 to:4111111111111111", "user 12345678901234", "pay 1 to:"] {
            var messages: [String] = []
            for _ in 0..<3 {
                guard case .failure(let problem) = CommandTable.parse(line, tokens: &tokens) else { Issue.record("\(line) parsed"); continue }
                messages.append(problem.message)
            }
            #expect(Set(messages).count == 1, "\(line): \(messages)")
            #expect(messages.first == diagnostic(line)?.message)
        }
    }
}
