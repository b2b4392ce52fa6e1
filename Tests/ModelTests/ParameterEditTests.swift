import Model
import Testing

/// `--set`'s edits: reading NAME[i,j]=VALUE, and a run that follows the edited model.
@Suite struct ParameterEditTests {
  static let embedding = Tensor(shape: [2, 3], scalars: [0.5, -1.25, 0.75, 1e-5, -0.7, 2])
  static let h0 = Tensor(shape: [1, 2], scalars: [0.25, -0.5])
  static let wE = Tensor(shape: [3, 2], scalars: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6])

  static func linear(wH: [Float], h0: Tensor = h0) -> RNNModel {
    RNNModel(
      vocabulary: ["the", "dog"], embedding: embedding, h0: h0,
      cell: LinearCell(wH: Tensor(shape: [2, 2], scalars: wH), wE: wE))
  }

  @Test func readsNameIndexAndValue() throws {
    let edit = try ParameterEdit.parse("We.weight[1,0]=-1.5e-2")
    #expect(edit.name == "We.weight" && edit.index == [1, 0] && edit.value == -0.015)
    let spaced = try ParameterEdit.parse(" b [ 3 ] = 2 ")
    #expect(spaced.name == "b" && spaced.index == [3] && spaced.value == 2)
  }

  @Test(arguments: [
    ("h0=1", "no [index]"), ("[0]=1", "no parameter name"), ("h0[0,0]", "no = after ]"),
    ("h0[0,0]=", "no value"), ("h0[a]=1", "index \"a\""), ("h0[-1]=1", "index \"-1\""),
    ("h0[0]=one", "not a number"), ("h0[0]=inf", "not a finite"), ("h0[0]=1e39", "not a finite"),
    ("h0[0]=nan", "not a finite"),
  ])
  func refusesMalformedEdits(text: String, problem: String) {
    #expect {
      try ParameterEdit.parse(text)
    } throws: { error in
      let message = "\(error)"
      return message.contains(problem) && message.contains("expected NAME[i,j]=VALUE")
        && message.hasPrefix("'\(text)'")
    }
  }

  /// The edited run is the run of a model built with the edited tensors directly.
  @Test func theEditedModelComputesAsOneBuiltFromTheEditedParameters() throws {
    let original = Self.linear(wH: [0.9, -0.3, 0.2, 1.1])
    let (edited, applied) = try original.applying([
      ParameterEdit.parse("w_h[0,1]=1.5"), ParameterEdit.parse("h0[0,0]=-2"),
    ])
    #expect(
      applied == [
        AppliedEdit(name: "w_h", index: [0, 1], from: -0.3, to: 1.5),
        AppliedEdit(name: "h0", index: [0, 0], from: 0.25, to: -2),
      ])
    let direct = Self.linear(
      wH: [0.9, 1.5, 0.2, 1.1], h0: Tensor(shape: [1, 2], scalars: [-2, -0.5]))
    let words = ["the", "dog", "the"]
    #expect(edited.trace(words).events == direct.trace(words).events)
    #expect(edited.trace(words).events != original.trace(words).events)
    // h_1 = h_0·w_h + e_1·w_e, element 1: -2·1.5 + -0.5·1.1, plus e_1·w_e's element 1.
    let h1 = try #require(edited.trace(words).events.first { $0.operation == .hiddenState })
    let ew: Float = (Float(0.5) * -0.2 + Float(-1.25) * 0.4) + Float(0.75) * 0.6
    #expect(h1.result.value.scalars[1] == (Float(-2) * 1.5 + Float(-0.5) * 1.1) + ew)
  }

  @Test func refusesNamesAndIndicesTheModelDoesNotHave() throws {
    let model = Self.linear(wH: [0.9, -0.3, 0.2, 1.1])
    #expect {
      try model.applying([ParameterEdit.parse("Wh.weight[0,0]=1")])
    } throws: { "\($0)".contains("no parameter \"Wh.weight\"; it has embedding.weight [2, 3]") }
    #expect {
      try model.applying([ParameterEdit.parse("w_h[2,0]=1")])
    } throws: { "\($0)".contains("outside w_h's shape [2, 2]; its last element is w_h[1,1]") }
    #expect {
      try model.applying([ParameterEdit.parse("w_h[0]=1")])
    } throws: { "\($0)".contains("index [0] is outside w_h's shape") }
  }
}
