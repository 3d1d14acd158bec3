import Testing

@testable import BookingTUI

extension Toolkit {
  @Suite struct GeometryTests {
    @Test func centredRectSitsInTheMiddleAndNeverGrows() {
      let screen = Rect(width: 80, height: 24)
      #expect(screen.centred(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
      #expect(screen.centred(width: 100, height: 30) == screen)
    }

    @Test func splitsAndInsetsStayInside() {
      let screen = Rect(width: 80, height: 24)
      let (top, rest) = screen.split(topRows: 2)
      #expect(top == Rect(width: 80, height: 2))
      #expect(rest == Rect(x: 0, y: 2, width: 80, height: 22))
      #expect(rest.split(bottomRows: 2).bottom == Rect(x: 0, y: 22, width: 80, height: 2))
      #expect(screen.inset(1) == Rect(x: 1, y: 1, width: 78, height: 22))
      #expect(Rect(width: 3, height: 3).inset(5).isEmpty)
      #expect(screen.rows(from: 20, count: 10) == Rect(x: 0, y: 20, width: 80, height: 4))
      #expect(screen.row(30).isEmpty)
    }

    @Test func intersectionOfDisjointRectsIsEmpty() {
      #expect(
        Rect(width: 5, height: 5).intersection(Rect(x: 10, y: 10, width: 5, height: 5)).isEmpty)
      #expect(
        Rect(width: 5, height: 5).intersection(Rect(x: 3, y: 1, width: 5, height: 5))
          == Rect(x: 3, y: 1, width: 2, height: 4))
    }

    @Test func sizeCoversAndPrints() {
      #expect(Size(80, 24).covers(TooSmallScreen.minimumSize))
      #expect(!Size(100, 23).covers(TooSmallScreen.minimumSize))
      #expect("\(Size(60, 18))" == "60x18")
    }
  }
}
