/// The selection and scroll position of a list, kept by a screen between frames.
///
/// For example:
/// ```swift
/// var state = ListState(selectingFirstEnabledIn: items)
/// state.moveSelection(by: 1, in: items)  // skips disabled rows
/// ListView(items: items, state: state).render(in: area, on: &canvas)
/// ```
public struct ListState: Hashable, Sendable {
  /// Index of the selected item, or `nil` when nothing can be selected.
  public var selected: Int?
  /// Index of the first visible item.
  public var offset: Int

  /// Creates a state with a given selection and scroll offset.
  public init(selected: Int? = nil, offset: Int = 0) {
    self.selected = selected
    self.offset = offset
  }

  /// Creates a state selecting the first enabled item of `items`.
  public init(selectingFirstEnabledIn items: [ListItem]) {
    self.init(selected: items.firstIndex { !$0.isDisabled })
  }

  /// Moves the selection `delta` enabled items down (positive) or up (negative), skipping
  /// disabled items and stopping at the ends. Returns whether the selection changed.
  @discardableResult
  public mutating func moveSelection(by delta: Int, in items: [ListItem]) -> Bool {
    guard let start = selected ?? items.firstIndex(where: { !$0.isDisabled }) else {
      selected = nil
      return false
    }
    var current = start
    let step = delta < 0 ? -1 : 1
    for _ in 0..<abs(delta) {
      var next = current + step
      while items.indices.contains(next) && items[next].isDisabled { next += step }
      guard items.indices.contains(next) else { break }
      current = next
    }
    let changed = current != selected
    selected = current
    return changed
  }

  /// Selects the first (`toEnd == false`) or last enabled item.
  public mutating func selectEdge(toEnd: Bool, in items: [ListItem]) {
    selected = toEnd ? items.lastIndex { !$0.isDisabled } : items.firstIndex { !$0.isDisabled }
  }

  /// The offset that keeps the selection visible in `height` rows, moving as little as possible.
  public func visibleOffset(height: Int, count: Int) -> Int {
    guard height > 0 else { return 0 }
    var result = min(max(0, offset), max(0, count - height))
    if let selected {
      if selected < result { result = selected }
      if selected >= result + height { result = selected - height + 1 }
    }
    return max(0, result)
  }

  /// Stores the offset that keeps the selection visible in `height` rows.
  public mutating func scrollToSelection(height: Int, count: Int) {
    offset = visibleOffset(height: height, count: count)
  }
}
