/// One what-if edit: an element of a parameter, named as a log's header names it
/// (`w_h`, `We.weight`, `h0`, `embedding.weight`), set to a new value. Indices are
/// 0-based, one for each dimension of the parameter's shape.
public struct ParameterEdit: Equatable, Sendable, CustomStringConvertible {
  public let name: String
  public let index: [Int]
  public let value: Float
  /// The edit as written (`w_h[0,0]=1.5`), for messages.
  public let description: String

  public init(name: String, index: [Int], value: Float, text: String? = nil) {
    self.name = name
    self.index = index
    self.value = value
    self.description = text ?? "\(name)[\(index.map(String.init).joined(separator: ","))]=\(value)"
  }

  /// The accepted form, for error messages.
  public static let form = "NAME[i,j]=VALUE, such as h0[0,0]=0.5"

  /// Reads `NAME[i,j]=VALUE` (`NAME[i]=VALUE` for a vector); spaces around the parts
  /// are allowed. The name and index are checked against a model by `apply`.
  public static func parse(_ text: String) throws(ParameterEditError) -> ParameterEdit {
    func fail(_ why: String) -> ParameterEditError {
      ParameterEditError("'\(text)': \(why); expected \(form)")
    }
    guard let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]"),
      open < close
    else { throw fail("no [index]") }
    let name = text[..<open].trimmingSpaces
    guard !name.isEmpty else { throw fail("no parameter name before [") }
    let rest = text[text.index(after: close)...].trimmingSpaces
    guard rest.first == "=" else { throw fail("no = after ]") }
    let valueText = rest.dropFirst().trimmingSpaces
    guard !valueText.isEmpty else { throw fail("no value after =") }
    var index: [Int] = []
    for part in text[text.index(after: open)..<close].split(
      separator: ",", omittingEmptySubsequences: false)
    {
      guard let i = Int(part.trimmingSpaces), i >= 0 else {
        throw fail("index \"\(part.trimmingSpaces)\" is not a whole number from 0")
      }
      index.append(i)
    }
    guard let value = Float(valueText) else {
      throw fail("the value \"\(valueText)\" is not a number")
    }
    guard value.isFinite else {
      throw fail("the value \"\(valueText)\" is not a finite float32")
    }
    return ParameterEdit(name: String(name), index: index, value: value, text: text)
  }
}

/// An edit as applied: the element's value before and after.
public struct AppliedEdit: Equatable, Sendable, CustomStringConvertible {
  public let name: String
  public let index: [Int]
  public let from: Float
  public let to: Float

  public init(name: String, index: [Int], from: Float, to: Float) {
    self.name = name
    self.index = index
    self.from = from
    self.to = to
  }

  /// `w_h[0,0] = 1.5 (was -0.2138)`, values as the logs write them.
  public var description: String {
    "\(name)[\(index.map(String.init).joined(separator: ","))] = \(to) (was \(from))"
  }
}

/// Why an edit cannot be read or applied, in one line that names the accepted form.
public struct ParameterEditError: Error, Equatable, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

extension RNNModel {
  /// The model with `edits` applied in order, and each edit's old and new value.
  /// The model is rebuilt from its edited parameters, so everything it computes
  /// follows the edit.
  public func applying(_ edits: [ParameterEdit]) throws(ParameterEditError) -> (
    model: RNNModel, applied: [AppliedEdit]
  ) {
    var parameters = self.parameters
    let applied = try ParameterEdit.apply(edits, to: &parameters)
    return (try rebuilt(from: parameters), applied)
  }

  /// The model of the same variant, sizes and kernels with `parameters` instead.
  fileprivate func rebuilt(from parameters: [NamedTensor]) throws(ParameterEditError) -> RNNModel {
    do {
      var model = try RNNModel(
        variant: variant, inputs: inputs, hidden: hidden, vocabulary: vocabulary,
        parameters: parameters)
      model.kernels = kernels
      return model
    } catch {
      throw ParameterEditError(error.description)
    }
  }
}

extension Learner {
  /// The learner of the same words and loss with `edits` applied in order to its model's
  /// parameters and its head's (`head.weight`, `head.bias`, as a log's header names them),
  /// and each edit's old and new value: the round it runs follows the edited model.
  public func applying(_ edits: [ParameterEdit]) throws(ParameterEditError) -> (
    learner: Learner, applied: [AppliedEdit]
  ) {
    var parameters =
      model.parameters + [
        NamedTensor("head.weight", head.weight), NamedTensor("head.bias", head.bias),
      ]
    let applied = try ParameterEdit.apply(edits, to: &parameters)
    let bias = parameters.removeLast().value
    let weight = parameters.removeLast().value
    do {
      let learner = try Learner(
        model: try model.rebuilt(from: parameters),
        head: PredictionHead(weight: weight, bias: bias),
        words: words, loss: loss)
      return (learner, applied)
    } catch {
      throw ParameterEditError("\(error)")
    }
  }
}

extension ParameterEdit {
  /// Applies `edits` in order to the elements of `parameters`, returning each edit's old
  /// and new value; a name or index `parameters` lack is an error naming the accepted form.
  static func apply(_ edits: [ParameterEdit], to parameters: inout [NamedTensor])
    throws(ParameterEditError) -> [AppliedEdit]
  {
    var applied: [AppliedEdit] = []
    for edit in edits {
      guard let k = parameters.firstIndex(where: { $0.name == edit.name }) else {
        let names = parameters.map { "\($0.name) \($0.value.shape)" }.joined(separator: ", ")
        throw ParameterEditError(
          "'\(edit)': this model has no parameter \"\(edit.name)\"; it has \(names); expected \(ParameterEdit.form)"
        )
      }
      var tensor = parameters[k].value
      let shape = Array(tensor.shape)
      guard edit.index.count == shape.count,
        zip(edit.index, shape).allSatisfy({ $0 < $1 })
      else {
        let example = shape.map { String($0 - 1) }.joined(separator: ",")
        throw ParameterEditError(
          "'\(edit)': index [\(edit.index.map(String.init).joined(separator: ","))] is outside \(edit.name)'s shape \(shape); its last element is \(edit.name)[\(example)]; expected \(ParameterEdit.form)"
        )
      }
      let flat = shape.count == 2 ? edit.index[0] * shape[1] + edit.index[1] : edit.index[0]
      applied.append(
        AppliedEdit(name: edit.name, index: edit.index, from: tensor.scalars[flat], to: edit.value))
      tensor.scalars[flat] = edit.value
      parameters[k] = NamedTensor(parameters[k].label, tensor)
    }
    return applied
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    var s = self
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return s
  }
}
