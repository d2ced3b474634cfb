// The libFuzzer target, built by `scripts/fuzz` (not by SwiftPM): every input is read as
// lines and as a scenario file by FuzzOracle; a trap or a broken promise is a crash.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WalletCore
import WalletScript

/// With TOURPASS_FUZZ_DICTIONARY set, prints the dictionary and exits (scripts/fuzz uses it).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    if getenv("TOURPASS_FUZZ_DICTIONARY") != nil {
        print(FuzzDictionary.entries.map(FuzzDictionary.escaped).joined(separator: "\n"))
        exit(0)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    let problems = FuzzOracle.problems(in: String(decoding: bytes, as: UTF8.self))
    guard problems.isEmpty else {
        for problem in problems.prefix(10) { print("fuzz: \(problem)") }
        fflush(nil)   // abort() would lose what print buffered
        abort()
    }
    return 0
}
