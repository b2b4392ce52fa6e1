import Testing

@testable import Model
@testable import TraceLog

/// Builds safetensors bytes by hand: the header as given, then the data.
struct SafetensorsBytes {
  var header: String
  var data: [UInt8] = []
  /// Overrides the 8-byte header length.
  var declaredLength: UInt64?

  var bytes: [UInt8] {
    let json = Array(header.utf8)
    let length = declaredLength ?? UInt64(json.count)
    return (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + json + data
  }

  /// A well-formed file of float32 tensors, each `(name, shape, values)`, in order.
  static func f32(_ tensors: [(String, [Int], [Float])], metadata: String? = nil)
    -> SafetensorsBytes
  {
    var entries: [String] = []
    var data: [UInt8] = []
    for (name, shape, values) in tensors {
      let begin = data.count
      for value in values {
        data += (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) }
      }
      entries.append(
        "\"\(name)\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[\(begin),\(data.count)]}"
      )
    }
    if let metadata { entries.insert("\"__metadata__\":\(metadata)", at: 0) }
    return SafetensorsBytes(header: "{" + entries.joined(separator: ",") + "}", data: data)
  }
}

func parseSafetensors(_ bytes: [UInt8]) throws -> SafetensorsFile {
  try bytes.withUnsafeBytes { try SafetensorsFile(parsing: $0) }
}

func safetensorsError(_ bytes: [UInt8]) -> String? {
  do {
    _ = try parseSafetensors(bytes)
    return nil
  } catch {
    return (error as? SafetensorsError)?.description ?? "\(error)"
  }
}

struct SafetensorsTests {
  @Test func readsTensorsAndMetadata() throws {
    let file = SafetensorsBytes.f32(
      [("a", [2, 2], [1, -2, 0.5, .leastNonzeroMagnitude]), ("b", [3], [7, 8, 9])],
      metadata: "{\"format\":\"pt\"}")
    let bytes = file.bytes
    let parsed = try parseSafetensors(bytes)
    #expect(parsed.entries.map(\.name) == ["a", "b"])
    #expect(parsed.entries.map(\.shape) == [[2, 2], [3]])
    #expect(parsed.metadata.map(\.key) == ["format"])
    #expect(parsed.metadata.map(\.value) == ["pt"])
    let headerEnd = 8 + file.header.utf8.count
    #expect(parsed.entries[1].bytes == headerEnd + 16..<headerEnd + 28)
    let values = bytes.withUnsafeBytes { raw in
      parsed.entries.map { parsed.values(of: $0, in: raw) }
    }
    #expect(values[0] == [1, -2, 0.5, .leastNonzeroMagnitude])
    #expect(values[1] == [7, 8, 9])
  }

  /// The library pads the header with spaces to a multiple of 8; an empty file is
  /// `{}` with no tensors.
  @Test func acceptsPaddingAndNoTensors() throws {
    #expect(try parseSafetensors(SafetensorsBytes(header: "{}      ").bytes).entries.isEmpty)
  }

  /// Each converted dtype, on values whose float32 is known: F16 0x3C00 is 1,
  /// 0xC000 is -2, 0x0001 the smallest subnormal 2^-24, 0x7C00 infinity; BF16 is the
  /// high half of a float32; F64 rounds to nearest (0.1 → 0x3DCCCCCD).
  @Test func convertsHalfBFloatAndDouble() throws {
    func file(_ dtype: String, _ shape: Int, _ data: [UInt8]) throws -> [Float]? {
      let bytes = SafetensorsBytes(
        header:
          "{\"t\":{\"dtype\":\"\(dtype)\",\"shape\":[\(shape)],\"data_offsets\":[0,\(data.count)]}}",
        data: data
      ).bytes
      let parsed = try parseSafetensors(bytes)
      return bytes.withUnsafeBytes { parsed.values(of: parsed.entries[0], in: $0) }
    }
    #expect(
      try file("F16", 4, [0x00, 0x3C, 0x00, 0xC0, 0x01, 0x00, 0x00, 0x7C]) == [
        1, -2, 0x1p-24, .infinity,
      ])
    #expect(try file("BF16", 2, [0x80, 0x3F, 0xC9, 0x40]) == [1, 6.28125])
    let tenth = (0.1).bitPattern
    #expect(
      try file("F64", 1, (0..<8).map { UInt8(truncatingIfNeeded: tenth >> (8 * $0)) })?.map(
        \.bitPattern) == [0x3DCC_CCCD])
    #expect(try file("I32", 1, [1, 0, 0, 0]) == nil)
  }

  @Test(arguments: [
    // Not safetensors at all.
    ([UInt8](), "fewer than the 8"),
    (Array("{\"a\":1}".utf8), "fewer than the 8"),
    (SafetensorsBytes(header: "{}", declaredLength: 1 << 40).bytes, "past the end of the file"),
    (SafetensorsBytes(header: "{}", declaredLength: 3).bytes, "past the end of the file"),
    (SafetensorsBytes(header: "[1, 2]").bytes, "does not start with '{'"),
    (SafetensorsBytes(header: "\"text\"").bytes, "does not start with '{'"),
    (Array("PK\u{3}\u{4}zip file, not tensors".utf8), "past the end of the file"),
    // A header that is not the object it must be.
    (SafetensorsBytes(header: "{\"a\":").bytes, "the header: tensor \"a\": expected an object"),
    (SafetensorsBytes(header: "{\"a\" 1}").bytes, "the header: not valid JSON at column 6"),
    (SafetensorsBytes(header: "{} {}").bytes, "unexpected bytes after the header's object"),
    (
      SafetensorsBytes(header: "{\"a\":[]}").bytes,
      "tensor \"a\": expected an object, found an array"
    ),
    (
      SafetensorsBytes(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"a\":{}}"
      )
      .bytes, "the key \"a\" appears twice"
    ),
    (
      SafetensorsBytes(header: "{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\"}}").bytes,
      "unexpected or repeated key \"dtype\""
    ),
    (
      SafetensorsBytes(header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}").bytes,
      "has no data_offsets"
    ),
    (
      SafetensorsBytes(header: "{\"a\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,4]}}")
        .bytes,
      "unknown dtype \"Q4\""
    ),
    (
      SafetensorsBytes(header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}")
        .bytes,
      "shape: -1 is not a whole number"
    ),
    (
      SafetensorsBytes(header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}")
        .bytes,
      "shape: 1.5 is not a whole number"
    ),
    (
      SafetensorsBytes(header: "{\"a\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,4]}}")
        .bytes,
      "shape is a string"
    ),
    (
      SafetensorsBytes(header: "{\"__metadata__\":{\"k\":1}}").bytes,
      "__metadata__ \"k\": expected a string, found a number"
    ),
    // Shapes and offsets that do not fit the data.
    (
      SafetensorsBytes(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}",
        data: [0, 0, 0, 0]
      ).bytes, "hold 4 bytes, but F32 of shape [2] needs 8"
    ),
    (
      SafetensorsBytes(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
        data: [0, 0, 0, 0]
      ).bytes, "lie outside the data (4 bytes after the header)"
    ),
    (
      SafetensorsBytes(
        header: "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}",
        data: [0, 0, 0, 0]
      ).bytes, "end before they begin"
    ),
    (
      SafetensorsBytes(
        header:
          "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[9223372036854775803,9223372036854775807]}}",
        data: [0, 0, 0, 0]
      ).bytes, "out of range"
    ),
    (
      SafetensorsBytes(
        header:
          "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}",
        data: [0, 0, 0, 0]
      ).bytes, "holds too many values"
    ),
    (
      SafetensorsBytes(
        header:
          "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
        data: [UInt8](repeating: 0, count: 8)
      ).bytes, "tensors \"a\" and \"b\" overlap"
    ),
  ])
  func refusesHostileInput(bytes: [UInt8], message: String) {
    let error = safetensorsError(bytes)
    #expect(error?.contains(message) == true, "\(error ?? "no error")")
    #expect(error?.contains("\n") != true)
  }

  /// Every prefix of a good file is refused, never read past its end.
  @Test func refusesEveryTruncation() {
    let bytes = SafetensorsBytes.f32([("a", [2], [1, 2]), ("b", [1], [3])]).bytes
    for end in 0..<bytes.count {
      #expect(safetensorsError(Array(bytes[0..<end])) != nil, "prefix of \(end) bytes")
    }
    #expect(safetensorsError(bytes) == nil)
  }

  /// Single-byte changes anywhere in a small file (a fixed pseudo-random sequence):
  /// each is refused with one line, or read with every tensor inside the file and of the
  /// size its dtype and shape need.
  @Test func survivesCorruptedBytes() {
    let good = SafetensorsBytes.f32([("a", [2, 2], [1, 2, 3, 4]), ("b", [3], [5, 6, 7])]).bytes
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let replacements: [UInt8] = Array("{}[]\",:0123456789-eE. \\".utf8) + [0, 0xFF, 0x80]
    for _ in 0..<3000 {
      var bytes = good
      bytes[next() % bytes.count] = replacements[next() % replacements.count]
      do {
        let parsed = try parseSafetensors(bytes)
        for entry in parsed.entries {
          #expect(entry.bytes.lowerBound >= 8 && entry.bytes.upperBound <= bytes.count)
          #expect(entry.bytes.count == entry.count * 4 || entry.dtype != "F32")
        }
      } catch {
        #expect(!"\(error)".contains("\n"))
      }
    }
  }

  /// FIPS 180-2's examples, and one split across updates as a stream would feed it.
  @Test func sha256MatchesTheStandardsVectors() {
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(
      SHA256.hex(Array(two.utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    var hash = SHA256()
    for size in [1, 63, 64, 65, 7, 999_800] {
      let start = [1, 63, 64, 65, 7, 999_800].prefix { $0 != size }.reduce(0, +)
      million[start..<start + size].withUnsafeBytes { hash.update($0) }
    }
    #expect(
      hash.finalize().map { String(format: "%02x", $0) }.joined()
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
