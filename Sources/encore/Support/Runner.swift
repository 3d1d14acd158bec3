import ArgumentParser
import BookingEngine
import Foundation

/// Runs a command's body and turns refusals into Encore's exit contract: the sentence on
/// standard error, `{"error": {"code", "message"}}` on standard output with `--json`, and
/// exit status 1.
enum Runner {
  static func run(
    _ options: GlobalOptions, command: String, json: Bool,
    _ body: (Session) async throws -> Void
  ) async throws {
    var session: Session?
    do {
      let opened = try await options.openSession(command: command)
      session = opened
      opened.logger.debug("start")
      try await body(opened)
      opened.logger.debug("done")
    } catch let exit as ExitCode {
      throw exit
    } catch {
      let (code, message) = describe(error)
      session?.logger.info("refused", metadata: ["code": "\(code)", "message": "\(message)"])
      Output.error(message)
      if json { Output.json(ErrorOutput(error: .init(code: code, message: message))) }
      throw ExitCode.failure
    }
  }

  /// A stable code and a sentence for any error a command can meet.
  static func describe(_ error: any Error) -> (code: String, message: String) {
    switch error {
    case let error as BookingError: (error.code, error.description)
    case let error as CLIError: (error.code, error.description)
    case let error as NcursesTerminal.StartError: ("no_terminal", error.description)
    case let error as CocoaError:
      ("file_error", error.localizedDescription)
    default: ("internal", "\(error)")
    }
  }
}
