import ArgumentParser
import Model

/// A value of `--kernels`: a family of PyTorch's CPU kernels, or `auto` for this
/// processor's.
enum KernelsChoice: String, CaseIterable, ExpressibleByArgument {
  case auto
  case amd
  case intelAVX512 = "intel-avx512"

  var family: KernelFamily {
    switch self {
    case .auto: .detected
    case .amd: .amd
    case .intelAVX512: .intelAVX512
    }
  }

  /// The help of `--kernels` where a model is computed.
  static let computeHelp = ArgumentHelp(
    "Whose PyTorch numbers: amd (MKL on any x86-64 but Intel's) or intel-avx512 "
      + "(Intel with AVX-512); auto detects this processor (here: "
      + "\(KernelFamily.detected.rawValue)). Other processors get amd; their last bits "
      + "may differ.",
    valueName: "family")
}

extension KernelFamily {
  /// What a printed title adds when the numbers are not this processor's own:
  /// `, intel-avx512 kernels`, or nothing.
  var titleNote: String { self == .detected ? "" : ", \(rawValue) kernels" }
}
