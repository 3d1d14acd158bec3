import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct ProgressBarTests {
    private func render(_ fraction: Double, width: Int = 20) -> Canvas {
      var canvas = Canvas(size: Size(width, 1))
      ProgressBar(fraction: fraction).render(in: canvas.bounds, on: &canvas)
      return canvas
    }

    @Test func emptyBar() {
      #expect(render(0).lines == ["░░░░░░░░░░░░░    0 %"])
    }

    @Test func halfwayBar() {
      let canvas = render(0.52)
      #expect(canvas.lines == ["███████░░░░░░   52 %"])
      #expect(canvas.role(at: Point(0, 0)) == .progressDone)
      #expect(canvas.role(at: Point(7, 0)) == .progressTodo)
      #expect(canvas.role(at: Point(17, 0)) == .normal)
    }

    @Test func fullBar() {
      #expect(render(1).lines == ["█████████████  100 %"])
      #expect(render(7).lines == render(1).lines)
    }

    @Test func almostDoneIsNotShownAsDone() {
      #expect(render(0.999).lines == ["████████████░   99 %"])
      #expect(render(0.001).lines == ["█░░░░░░░░░░░░    0 %"])
    }

    @Test func narrowBarDropsThePercentage() {
      #expect(render(0.5, width: 6).lines == ["███░░░"])
    }
  }
}
