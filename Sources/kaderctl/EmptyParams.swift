/// The params of a method that takes none: encoded as `{}`, which every method accepts.
struct EmptyParams: Encodable {}
