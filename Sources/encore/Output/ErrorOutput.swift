/// `{"error": {"code": "insufficient_balance", "message": "..."}}`
struct ErrorOutput: Encodable {
  struct Detail: Encodable {
    var code: String
    var message: String
  }

  var error: Detail
}
