import Foundation

/// Why a path cannot be read, in the system's words (`No such file or directory`).
public enum ReadProblem {
    public static func reason(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return RowPath.problem(path) ?? String(cString: strerror(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a directory" }
        // A FIFO or a device is never opened here: opening one may block.
        if let kind = RegularFile.kind(info.st_mode) { return RegularFile.refusal(kind) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return "it could not be read"
    }
}
