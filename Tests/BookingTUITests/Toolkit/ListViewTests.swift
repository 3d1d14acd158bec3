import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct ListViewTests {
    let dates = [
      ListItem("Fri 11 Dec", detail: "past", isDisabled: true),
      ListItem("Sat 12 Dec", detail: "23 left"),
      ListItem("Sun 13 Dec", detail: "sold out", isDisabled: true),
      ListItem("Mon 14 Dec", detail: "4 left"),
      ListItem("Tue 15 Dec", detail: "50 left"),
    ]

    @Test func firstEnabledItemIsSelectedAtStart() {
      #expect(ListState(selectingFirstEnabledIn: dates).selected == 1)
      #expect(ListState(selectingFirstEnabledIn: [ListItem("x", isDisabled: true)]).selected == nil)
    }

    @Test func movingSkipsDisabledItemsAndStopsAtTheEnds() {
      var state = ListState(selectingFirstEnabledIn: dates)
      let moved = state.moveSelection(by: 1, in: dates)
      #expect(moved)
      #expect(state.selected == 3)
      state.moveSelection(by: 1, in: dates)
      #expect(state.selected == 4)
      let movedPastEnd = state.moveSelection(by: 1, in: dates)
      #expect(!movedPastEnd)
      #expect(state.selected == 4)
      state.moveSelection(by: -2, in: dates)
      #expect(state.selected == 1)
      let movedToDisabled = state.moveSelection(by: -1, in: dates)
      #expect(!movedToDisabled)  // index 0 is disabled
      state.selectEdge(toEnd: true, in: dates)
      #expect(state.selected == 4)
    }

    @Test func rendersMarkersDetailsAndRoles() {
      var canvas = Canvas(size: Size(24, 5))
      ListView(items: dates, state: ListState(selected: 1)).render(in: canvas.bounds, on: &canvas)
      #expect(
        canvas.lines == [
          "✕ Fri 11 Dec       past",
          "▸ Sat 12 Dec    23 left",
          "✕ Sun 13 Dec   sold out",
          "  Mon 14 Dec     4 left",
          "  Tue 15 Dec    50 left",
        ])
      #expect(canvas.role(at: Point(2, 0)) == .disabled)
      #expect(canvas.role(at: Point(2, 1)) == .selection)
      #expect(canvas.role(at: Point(23, 1)) == .selection)
      #expect(canvas.role(at: Point(2, 3)) == .normal)
    }

    @Test func scrollsToKeepTheSelectionVisible() {
      var canvas = Canvas(size: Size(16, 2))
      ListView(items: dates, state: ListState(selected: 4)).render(in: canvas.bounds, on: &canvas)
      #expect(canvas.lines == ["  Mon …  4 left", "▸ Tue…  50 left"])  // details win over text
      #expect(ListState(selected: 1, offset: 3).visibleOffset(height: 2, count: 5) == 1)
      #expect(ListState(selected: 2, offset: 1).visibleOffset(height: 2, count: 5) == 1)
    }

    @Test func longTextIsTruncatedBeforeTheDetail() {
      var canvas = Canvas(size: Size(20, 1))
      let items = [ListItem("올림픽홀 Olympic Hall", detail: "9 left")]
      ListView(items: items, state: ListState(selected: 0)).render(in: canvas.bounds, on: &canvas)
      #expect(canvas.lines == ["▸ 올림픽홀…  9 left"])
    }
  }
}
