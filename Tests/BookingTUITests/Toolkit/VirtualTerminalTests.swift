import Testing

@testable import BookingTUI

extension Toolkit {
  @MainActor
  @Suite struct VirtualTerminalTests {
    @Test func eventsComeOutInOrderThenNil() {
      let terminal = VirtualTerminal(size: Size(80, 24))
      terminal.send(.down, .enter)
      terminal.send(text: "5알")
      #expect(terminal.nextEvent(timeout: .seconds(1)) == .key(.down))
      #expect(terminal.nextEvent(timeout: .seconds(1)) == .key(.enter))
      #expect(terminal.nextEvent(timeout: .seconds(1)) == .key(.character("5")))
      #expect(terminal.nextEvent(timeout: .seconds(1)) == .key(.character("알")))
      #expect(terminal.nextEvent(timeout: .seconds(1)) == nil)
    }

    @Test func resizeChangesSizeAndQueuesAnEvent() {
      let terminal = VirtualTerminal(size: Size(80, 24))
      terminal.send(.character("q"))
      terminal.resize(to: Size(60, 18))
      #expect(terminal.size == Size(60, 18))
      #expect(terminal.pendingEventCount == 2)
      #expect(terminal.nextEvent(timeout: .zero) == .key(.character("q")))
      #expect(terminal.nextEvent(timeout: .zero) == .resize(Size(60, 18)))
    }

    @Test func drawKeepsTheLastFrame() {
      let terminal = VirtualTerminal(size: Size(10, 2))
      #expect(terminal.lastFrame == nil)
      #expect(terminal.screenText == "")
      var canvas = Canvas(size: terminal.size)
      canvas.put("hello", at: Point(0, 1))
      terminal.draw(Canvas(size: terminal.size))
      terminal.draw(canvas)
      #expect(terminal.framesDrawn == 2)
      #expect(terminal.screenText == "\nhello")
    }
  }
}
