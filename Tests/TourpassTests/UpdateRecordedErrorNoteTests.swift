import Foundation
import Testing

/// `run --update` writes a failed command's error under it, and recorded output showing the
/// code excuses the failure (LANGUAGE v2.1): a file that failed would pass from then on
/// without a word. `--update` says which lines it recorded so.
@Suite("run --update notes the errors it records")
struct UpdateRecordedErrorNoteTests {
    @Test("a failed command without expect error: a note on stderr; the status is not changed by it")
    func noteOnRecordedError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("s/low.scn", "user amy\nverify\ncard visa\ntopup 50\ntopup 99\nexpect error topup.below_minimum\ntopup 60\n| stale\n")
        // Already recorded with its error: nothing new to say.
        try dir.write("s/ok.scn", "user bob\nverify\ncard visa\ntopup 100\n")
        let first = try Tourpass.run(["run", "s"], directory: dir.path)
        #expect(first.status == 1, "\(first.out)")
        let updated = try Tourpass.run(["run", "--update", "s"], directory: dir.path)
        // The status is what --update gives without the notes: the rewritten file passes.
        #expect(updated.status == 0, "\(updated.out)")
        #expect(updated.out.contains("updated s/low.scn"), "\(updated.out)")
        let notes = updated.err.split(separator: "\n").map(String.init)
        #expect(notes == [
            "note: s/low.scn:4: recorded the error topup.below_minimum as expected output; check it is meant",
            "note: s/low.scn:7: recorded the error topup.below_minimum as expected output; check it is meant",
        ], "\(updated.err)")
        #expect(!updated.out.contains("note:"), "notes go to standard error")
        // From now on it passes; a second update records nothing new and says nothing.
        let again = try Tourpass.run(["run", "--update", "s"], directory: dir.path)
        #expect(again.status == 0, "\(again.out)")
        #expect(again.err.isEmpty, "\(again.err)")
    }
}
