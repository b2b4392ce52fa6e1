import Testing

@testable import TUI

/// The learner reads the lesson's row-vector notation; the log keeps its names.
struct NotationTests {
  @Test(arguments: [
    ("W_e·e_1", "e_1·Weᵀ"),
    ("W_h·h_0 + b_h", "h_0·Whᵀ + b_h"),
    ("z_3 = (W_h·h_2 + b_h) + (W_e·e_3 + b_e)", "z_3 = (h_2·Whᵀ + b_h) + (e_3·Weᵀ + b_e)"),
    (
      "h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e)",
      "h_t = tanh(h_{t-1}·Whᵀ + b_h + e_t·Weᵀ + b_e)"
    ),
    ("W_e·e_1: (1×4)·(4×2) → (1×2) = [[0.1, 0.2]]", "e_1·Weᵀ: (1×4)·(4×2) → (1×2) = [[0.1, 0.2]]"),
    (
      "z_3 = (W_hh·h_2 + b_hh) + (W_ih·e_3 + b_ih)",
      "z_3 = (h_2·W_hhᵀ + b_hh) + (e_3·W_ihᵀ + b_ih)"
    ),
    ("e_1·w_e", "e_1·w_e"), ("h_0·Wh", "h_0·Wh"), ("tanh(z_1)", "tanh(z_1)"),
  ])
  func productsReadAsRowVectors(log: String, learner: String) {
    #expect(Notation.rowVectors(log) == learner)
  }

  @Test func namesAndMatrices() {
    #expect(Notation.name("h0") == "h_0")
    #expect(Notation.name("We.bias") == "b_e")
    #expect(Notation.name("Wh.bias") == "b_h")
    #expect(Notation.name("W_e·e_2 + b_e") == "e_2·Weᵀ + b_e")
    #expect(Notation.name("h_0") == "h_0")
    #expect(Notation.matrix("We.weight", transposed: true) == "Weᵀ")
    #expect(Notation.matrix("w_e", transposed: false) == "w_e")
    // nn.RNN's parameters keep PyTorch's names.
    #expect(Notation.name("rnn.bias_ih_l0") == "b_ih")
    #expect(Notation.name("rnn.bias_hh_l0") == "b_hh")
    #expect(Notation.matrix("rnn.weight_ih_l0", transposed: true) == "W_ihᵀ")
    #expect(Notation.matrix("rnn.weight_hh_l0", transposed: true) == "W_hhᵀ")
  }
}
