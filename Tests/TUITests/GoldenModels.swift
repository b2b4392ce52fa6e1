import Model

// Parameters copied from ModelTests/Fixtures/reference/models.jsonl (PyTorch's own draws for
// these seeds), so that the tests see the numbers a learner would. Generated; the
// hidden states of each follow it.
enum GoldenModels {
  /// `--variant linear-tanh --seed 7 --inputs 4 --hidden 2`, "the dog jumped over a".
  static var linearTanhSeed7: (model: RNNModel, words: [String]) {
    let cell = LinearTanhCell(
      inputWeight: Tensor(
        shape: [2, 4],
        scalars: [
          0.240523994, -0.247120082, -0.266849518, 0.43141377, 0.457538128, 0.0575070977,
          -0.0865813494, -0.0645424128,
        ]),
      inputBias: Tensor(shape: [2], scalars: [0.236862421, -0.466889501]),
      hiddenWeight: Tensor(
        shape: [2, 2], scalars: [-0.577879071, 0.564842522, 0.698084235, -0.042019818]),
      hiddenBias: Tensor(shape: [2], scalars: [-0.558722198, 0.0193203688]))
    let model = RNNModel(
      vocabulary: ["the", "dog", "jumped", "over", "a"],
      embedding: Tensor(
        shape: [5, 4],
        scalars: [
          -0.820134521, 0.395631164, 0.898908496, -1.38840389, 0.198445052, 0.782072663, 1.03910768,
          -0.724510729, -0.848908603, -1.21692944, -0.0810215846, 1.36148512, -2.0614779,
          0.674100697, -1.32334578, -1.35976899, -0.866701603, -0.564006686, -2.05646253,
          -0.356722534,
        ]),
      h0: Tensor(shape: [1, 2], scalars: [2.45054126, 2.02560186]), cell: cell)
    return (model, ["the", "dog", "jumped", "over", "a"])
  }
  static let linearTanhSeed7HiddenStates: [[Float]] = [
    [2.45054126, 2.02560186], [-0.938784778, 0.684371352], [-0.127480611, -0.777537107],
    [0.0181494094, -0.7791242], [-0.931331635, -0.802024066], [0.0888707638, -0.85962975],
  ]
  /// `--variant raw-tanh --seed 1 --inputs 4 --hidden 2`, "the dog jumped over a".
  static var rawTanhSeed1: (model: RNNModel, words: [String]) {
    let cell = RawTanhCell(
      wE: Tensor(
        shape: [4, 2],
        scalars: [
          3.5869894, -1.83129013, 1.59870028, -1.27700698, 0.325501531, -0.479144931, 1.37900829,
          2.5285573,
        ]),
      wH: Tensor(shape: [2, 2], scalars: [0.410741657, -0.988007128, -0.908073366, 0.542273641]))
    let model = RNNModel(
      vocabulary: ["the", "dog", "jumped", "over", "a"],
      embedding: Tensor(
        shape: [5, 4],
        scalars: [
          -1.5255959, -0.750231802, -0.653980911, -1.60948479, 0.865692377, 0.244403899,
          -0.662911355, 0.807308257, 0.439141572, 1.17120075, 1.76742733, -0.095361881, 0.061155282,
          -0.617744446, -0.798069835, -0.131623209, -0.798439801, 0.335730523, 0.275333524,
          1.71630263,
        ]),
      h0: Tensor(shape: [1, 2], scalars: [-1.57266521, -0.123247758]), cell: cell)
    return (model, ["the", "dog", "jumped", "over", "a"])
  }
  static let rawTanhSeed1HiddenStates: [[Float]] = [
    [-1.57266521, -0.123247758], [-0.91111362, 0.90193665], [-0.191180706, 0.948898435],
    [0.0589030795, -0.286059767], [-0.502447248, 0.386404395], [-0.404333442, 0.936142862],
  ]
  /// `--variant linear --seed 12 --inputs 4 --hidden 1`, "the dog jumped over a".
  static var linearSeed12: (model: RNNModel, words: [String]) {
    let cell = LinearCell(
      wH: Tensor(shape: [1, 1], scalars: [0.43309325]),
      wE: Tensor(shape: [4, 1], scalars: [0.589518309, -1.25681555, 0.441098362, -0.278238803]))
    let model = RNNModel(
      vocabulary: ["the", "dog", "jumped", "over", "a"],
      embedding: Tensor(
        shape: [5, 4],
        scalars: [
          -0.132012889, -0.125437632, 0.3443124, -0.451913118, -1.29449391, -0.262320757,
          -0.535250962, 1.34661484, -0.695755005, -0.0522209033, -0.0351334698, 0.527378976,
          -0.694435716, -0.212450624, 0.236178309, -1.24383283, 1.43998849, 0.79463774, 0.844374299,
          1.26680267,
        ]),
      h0: Tensor(shape: [1, 1], scalars: [0.364090294]), cell: cell)
    return (model, ["the", "dog", "jumped", "over", "a"])
  }
  static let linearSeed12HiddenStates: [[Float]] = [
    [0.364090294], [0.515128374], [-0.821119189], [-0.862384081], [-0.0656036139], [-0.158247486],
  ]
}
