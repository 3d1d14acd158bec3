import ArgumentParser

/// Lets the global options come before the subcommand, as git, docker and kubectl take
/// them: `encore --database D --user U concerts` is read as
/// `encore concerts --database D --user U`.
///
/// ArgumentParser reads options before an unnamed subcommand as the default
/// subcommand's (`tui`), so this pre-pass moves the global options found before the
/// first word to just after the subcommand's name (`queue join` is one name). Nothing
/// moves when no subcommand is named, so `encore --user alice` still opens the app.
///
/// For example:
///
/// ```swift
/// LeadingOptions.reordered(["--user", "bob", "queue", "join", "garden"], root: Encore.self)
/// // ["queue", "join", "--user", "bob", "garden"]
/// ```
enum LeadingOptions {
  /// ``GlobalOptions``' options that take a value.
  static let valued: Set<String> = ["--database", "--user"]
  /// ``GlobalOptions``' flags.
  static let flags: Set<String> = ["--verbose"]

  static func reordered(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
    var leading: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let name = String(argument.prefix { $0 != "=" })
      if valued.contains(argument), index + 1 < arguments.count {
        leading += [argument, arguments[index + 1]]
        index += 2
      } else if flags.contains(argument) || (valued.contains(name) && argument != name) {
        leading.append(argument)
        index += 1
      } else {
        break
      }
    }
    var command = root
    var path: [String] = []
    while index < arguments.count,
      let subcommand = command.configuration.subcommands.first(where: {
        $0.configuration.commandName == arguments[index]
      })
    {
      path.append(arguments[index])
      command = subcommand
      index += 1
    }
    guard !leading.isEmpty, !path.isEmpty else { return arguments }
    return path + leading + arguments[index...]
  }
}
