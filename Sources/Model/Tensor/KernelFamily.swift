#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which family of PyTorch's CPU kernels the products and tanh follow: MKL picks its
/// kernels by processor, and the last bits of sums and of tanh differ between families
/// (see docs/pytorch-numbers.md). The generator's draws are the same in both.
public enum KernelFamily: String, Sendable, CaseIterable {
  /// MKL's path for every x86-64 processor that is not Intel's (measured on AMD EPYC):
  /// products summed without fused multiply-adds, and MKL's generic tanh.
  case amd
  /// MKL's AVX-512 path on Intel processors (measured on an Intel Xeon): products summed
  /// in 16-lane vectors with fused multiply-adds, and MKL's AVX-512 tanh.
  case intelAVX512 = "intel-avx512"

  /// The family of this machine's processor, found as MKL finds it: the CPUID vendor
  /// string, then AVX-512 support. MKL takes its Intel paths only on `GenuineIntel`, so
  /// an AMD processor with AVX-512 still gets `amd`. A processor of neither family (an
  /// Intel without AVX-512, ARM, anything else) gets `amd`, the program's reference
  /// family; PyTorch there may differ in the last bits from both.
  public static let detected: KernelFamily = Processor.current.kernelFamily
}

/// What `KernelFamily.detected` needs to know of the processor.
public struct Processor: Sendable, Equatable {
  /// The CPUID vendor string (`GenuineIntel`, `AuthenticAMD`), empty if unknown.
  public var vendor: String
  /// Whether the processor and the operating system support AVX-512 Foundation.
  public var hasAVX512F: Bool

  public init(vendor: String, hasAVX512F: Bool) {
    self.vendor = vendor
    self.hasAVX512F = hasAVX512F
  }

  /// The family MKL's dispatch would choose here.
  public var kernelFamily: KernelFamily {
    vendor == "GenuineIntel" && hasAVX512F ? .intelAVX512 : .amd
  }

  /// This machine. Linux lists the vendor and the flags the kernel enabled (no
  /// `avx512f` where the OS does not save the AVX-512 registers) in /proc/cpuinfo;
  /// macOS answers through sysctl.
  public static let current: Processor = {
    #if os(Linux)
      return parse(cpuinfo: readCPUInfo())
    #elseif canImport(Darwin)
      return Processor(
        vendor: sysctlString("machdep.cpu.vendor"),
        hasAVX512F: sysctlInt("hw.optional.avx512f") == 1)
    #else
      return Processor(vendor: "", hasAVX512F: false)
    #endif
  }()

  /// The first processor's `vendor_id` and `flags` lines of /proc/cpuinfo text.
  public static func parse(cpuinfo text: String) -> Processor {
    var vendor = ""
    var flags: [Substring] = []
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingSpaces
      let value = line[line.index(after: colon)...].trimmingSpaces
      if key == "vendor_id", vendor.isEmpty { vendor = String(value) }
      if key == "flags", flags.isEmpty { flags = value.split(separator: " ") }
      if !vendor.isEmpty, !flags.isEmpty { break }
    }
    return Processor(vendor: vendor, hasAVX512F: flags.contains("avx512f"))
  }

  #if os(Linux)
    private static func readCPUInfo() -> String {
      guard let file = fopen("/proc/cpuinfo", "r") else { return "" }
      defer { fclose(file) }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      // The first processor's lines come first; 64 KiB holds them many times over.
      while bytes.count < 65536 {
        let read = fread(&buffer, 1, buffer.count, file)
        if read <= 0 { break }
        bytes += buffer[0..<read]
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  #elseif canImport(Darwin)
    private static func sysctlString(_ name: String) -> String {
      var size = 0
      guard sysctlbyname(name, nil, &size, nil, 0) == 0, size > 0 else { return "" }
      var bytes = [CChar](repeating: 0, count: size)
      guard sysctlbyname(name, &bytes, &size, nil, 0) == 0 else { return "" }
      return String(cString: bytes)
    }

    private static func sysctlInt(_ name: String) -> Int32 {
      var value: Int32 = 0
      var size = MemoryLayout<Int32>.size
      return sysctlbyname(name, &value, &size, nil, 0) == 0 ? value : 0
    }
  #endif
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    var s = self
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return s
  }
}
