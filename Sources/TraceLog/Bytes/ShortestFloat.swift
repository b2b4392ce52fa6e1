import Model

/// Writes a float32 exactly as `Float.description` does, straight into bytes: the JSON
/// Lines encoders write millions of values, and making a String for each one would take
/// most of their time.
///
/// The digits come from Dragonbox (Junekey Jeon), float32 variant: the shortest decimal
/// that reads back as the same float32, the closest to it when several are as short,
/// ties to an even digit. One multiplication by a tabled power of ten scales the
/// rounding interval's upper end and a remainder test usually settles the answer, with
/// no loop over the digits and no second multiplication.
/// All 2^32 bit patterns match `Float.description`: `Profile floats check` in
/// Benchmarks checks them, in a release build.
/// The layout is Swift's: decimal form (`0.0001`, `3.0`, `16777216.0`) unless the
/// magnitude is below 10^-4 or above 2^24, then exponent form
/// with at least two exponent digits (`1e-05`, `1.6777218e+07`).
///
/// Speed: a float takes a chain of some forty dependent steps, and the processor keeps
/// only a float or two in flight (its window fills with the steps waiting), so the time
/// per float follows both the chain's length and its count of instructions. Hence no
/// loop, and no branch the data decides (Dragonbox's two answers are both computed and
/// a mask keeps one); per-exponent tables in place of logarithm arithmetic; a normal
/// float's digits taken from Dragonbox's upper end before the answer is settled (its
/// last digit written after them), through a table of three-digit texts; and the
/// digits stored at an offset rather than shifted into place.
enum ShortestFloat {
  /// The bytes `write` may touch: the longest form, `-1.2345678e-38` or
  /// `-0.000123456789`, is 15, and some forms are written a word at a time.
  static let room = 24

  /// Writes `value` (finite) at `out`, which has `room` bytes, and returns how many
  /// bytes it wrote.
  @inline(__always)
  static func write(_ value: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
    let bits = value.bitPattern
    // The sign is written whether or not it is kept: a branch costs more.
    out.pointee = UInt8(ascii: "-")
    let start = out + Int(bits >> 31)
    let ieeeMantissa = bits & 0x7F_FFFF
    let ieeeExponent = (bits >> 23) & 0xFF
    // Zero, subnormals and powers of two (a field is 0: one less is negative), apart.
    if _slowPath(Int32(bitPattern: (ieeeMantissa &- 1) | (ieeeExponent &- 1)) < 0) {
      return writeRare(bits, start: start) + (start - out)
    }
    let (upper, hundreds, last, exponent) = decimal(
      significand: ieeeMantissa | 1 << 23, ieeeExponent: ieeeExponent)
    // The digits are upper / 100 then `last`; upper / 100 has 6 to 8 digits (`upper`,
    // Dragonbox's upper end of the interval, is 83886095 … 1661534945 for the normal
    // floats not powers of two: its ends are monotonic in the significand), written
    // right-aligned in eight with leading zeros.
    let leadingZeros = 2 &- (upper >= 100_000_000 ? 1 : 0) &- (upper >= 1_000_000_000 ? 1 : 0)
    let pointPosition = Int(exponent) &+ 9 &- leadingZeros
    return layout(
      digitText(upper, hundreds), leadingZeros, last, pointPosition, bits, start: start) - out
  }

  /// `write` for zero (after its sign), subnormals and powers of two, at `start`.
  @inline(never)
  private static func writeRare(_ bits: UInt32, start: UnsafeMutablePointer<UInt8>) -> Int {
    let ieeeMantissa = bits & 0x7F_FFFF
    let ieeeExponent = (bits >> 23) & 0xFF
    let digits: UInt32
    let exponent: Int32
    if ieeeExponent == 0 {
      if ieeeMantissa == 0 {
        store("0.0\0\0\0\0\0", at: start)
        return 3
      }
      // Subnormals share the smallest normal exponent, without the implicit bit.
      let (_, hundreds, last, tensExponent) = decimal(
        significand: ieeeMantissa, ieeeExponent: 1)
      (digits, exponent) = (hundreds &* 10 &+ last, tensExponent)
    } else {
      (digits, exponent) = powerOfTwoDecimal(Int32(bitPattern: ieeeExponent) &- 150)
    }
    let length = decimalLength(digits)
    // Nine digits, the first not 0: the first eight as text, the ninth apart.
    let nine = digits &* nineDigitScales[length]
    let eight = nine / 10
    return layout(
      digitText(eight), 0, nine &- eight &* 10, Int(exponent) &+ length, bits, start: start)
      - start
  }

  /// 10^(9 − n) for n digits: the scale to nine digits.
  private static let nineDigitScales: [UInt32] = [
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1,
  ]

  /// Writes the float with these `bits` at `start`, after its sign: its digits d1 d2…
  /// are ASCII in the bytes of `text` after `leadingZeros` (0 … 2) zeros (the first
  /// byte lowest), then one more, `next` (a number), d1 not 0 and the last ones possibly
  /// 0, and its value is 0.d1d2… × 10^pointPosition. Returns where it stopped writing.
  ///
  /// Where they can, the digits are stored at an offset rather than shifted into
  /// place, their leading zeros landing where other bytes are written or rewritten.
  @inline(__always)
  private static func layout(
    _ text: UInt64, _ leadingZeros: Int, _ next: UInt32, _ pointPosition: Int,
    _ bits: UInt32, start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    // Where the digits written end, counted from the text's first byte: past the last
    // digit not 0. Bytes 1…7 of the text and `next` as numbers (each below 16, so its
    // byte's high half is 0) in the bytes of a word, shifted up four bits, and 1 below
    // them all (for when only the text's first byte counts): for a digit not 0 in byte
    // j, the highest bit set is 8j + 4 … 8j + 7, and the end j + 2 = (that + 12) / 8.
    let digitBits = (text ^ 0x3030_3030_3030_3030) &>> 4 | UInt64(next) &<< 60 | 1
    let textEnd = (63 &- digitBits.leadingZeroBitCount &+ 12) &>> 3
    let nextByte = UInt8(ascii: "0") | UInt8(truncatingIfNeeded: next)
    // Above 2^24 (and below 10^-4) Swift writes an exponent.
    if pointPosition < -3 || bits & 0x7FFF_FFFF > 0x4B80_0000 {
      // d1.d2…dn, then e±XX, over the point when there is one digit: the text less its
      // first byte with d2 at 2 (its first bytes, at most two, then rewritten), `next`
      // after it, then d1 and the point.
      let textAt = 1 &- leadingZeros
      store(text &>> 8, at: start + textAt + 1)
      start[textAt &+ 8] = nextByte
      start[0] = UInt8(truncatingIfNeeded: text &>> (8 &* UInt64(truncatingIfNeeded: leadingZeros)))
      start[1] = UInt8(ascii: ".")
      let count = textEnd &- leadingZeros
      let end = count &+ (count > 1 ? 1 : 0)
      let exponentText = UnsafeRawPointer(exponentTexts.utf8Start).loadUnaligned(
        fromByteOffset: (pointPosition &+ 44) &* 4, as: UInt32.self)
      UnsafeMutableRawPointer(start + end).storeBytes(of: exponentText, as: UInt32.self)
      return start + end + 4
    }
    if pointPosition <= 0 {
      // 0.000ddd: the zeros written all at once, the text over the ones not needed (its
      // leading zeros on them too, or on the point, written again), `next` after it.
      store("0.000000", at: start)
      let textAt = 2 &- pointPosition &- leadingZeros
      store(text, at: start + textAt)
      start[1] = UInt8(ascii: ".")
      start[textAt &+ 8] = nextByte
      return start + textAt + textEnd
    }
    // ddd.ddd and ddd000.0 (at most 2^24: the point at most eight places in): the digits
    // shifted to the first byte, the bytes that frees at the top filled with zeros and
    // `next` in the first of them (in the ninth digit when there are no leading zeros:
    // the fill's shift, 64, is 0, and the fill, a 0 in every byte, changes no digit).
    let shift = 8 &* UInt64(truncatingIfNeeded: leadingZeros)
    let ninth = leadingZeros == 0 ? next : 0
    let fill = 0x3030_3030_3030_3030 &+ UInt64(next &- ninth)
    let word = text &>> shift | fill &<< (64 &- shift)
    // The digits one byte right, then the first `pointPosition` of them back in place
    // (a mask on the word) and the point after them.
    let kept = UInt64.max &>> (64 &- 8 &* UInt64(truncatingIfNeeded: pointPosition))
    store(word, at: start + 1)
    start[9] = UInt8(ascii: "0") | UInt8(truncatingIfNeeded: ninth)
    store(word & kept | (word & ~kept) &<< 8, at: start)
    start[pointPosition] = UInt8(ascii: ".")
    // Past the last digit, or past `.0` when the point comes after all the digits (the
    // digits past the count are zeros: the integer's and the one after the point).
    let count = textEnd &- leadingZeros
    return start + (pointPosition < count ? count &+ 1 : pointPosition &+ 2)
  }

  /// The eight decimal digits of `hundreds` = n / 100 (below 10^8, leading zeros
  /// included), ASCII in the bytes of a word, the first in the lowest byte (the first in
  /// memory: the words here are little-endian, as on every platform Swift runs this
  /// program on). The divisions by constants are multiplications, and all are of n,
  /// side by side, not one after the other.
  @inline(__always)
  static func digitText(_ n: UInt32, _ hundreds: UInt32) -> UInt64 {
    let firstTwo = n / 100_000_000
    let fiveDown = n / 100_000
    return digitText(firstTwo, fiveDown &- firstTwo &* 1000, hundreds &- fiveDown &* 1000)
  }

  /// `digitText(_:_:)` for n itself (below 10^8).
  static func digitText(_ n: UInt32) -> UInt64 {
    let firstTwo = n / 1_000_000
    let thousands = n / 1000
    return digitText(firstTwo, thousands &- firstTwo &* 1000, n &- thousands &* 1000)
  }

  /// Two, three and three digits, each from the table of three-digit texts.
  @inline(__always)
  private static func digitText(
    _ firstTwo: UInt32, _ middle: UInt32, _ lastThree: UInt32
  ) -> UInt64 {
    let triples = UnsafeRawPointer(digitTriples.utf8Start)
    // The last two digits of `0xy`.
    let pair = triples.loadUnaligned(fromByteOffset: Int(firstTwo) &* 4 &+ 1, as: UInt16.self)
    // Whole entries, their NUL as a 0 byte, and past the word's top.
    let middleText = triples.loadUnaligned(fromByteOffset: Int(middle) &* 4, as: UInt32.self)
    let lastText = triples.loadUnaligned(fromByteOffset: Int(lastThree) &* 4, as: UInt32.self)
    return UInt64(pair) | UInt64(middleText) &<< 16 | UInt64(lastText) &<< 40
  }

  /// `000`, `001`, … `999`: three ASCII digits for each number below 1000, and a NUL
  /// after each, so that an entry is a whole four-byte word.
  private static let digitTriples: StaticString = """
    000\0001\0002\0003\0004\0005\0006\0007\0008\0009\0010\0011\0012\0013\0014\0015\0\
    016\0017\0018\0019\0020\0021\0022\0023\0024\0025\0026\0027\0028\0029\0030\0031\0\
    032\0033\0034\0035\0036\0037\0038\0039\0040\0041\0042\0043\0044\0045\0046\0047\0\
    048\0049\0050\0051\0052\0053\0054\0055\0056\0057\0058\0059\0060\0061\0062\0063\0\
    064\0065\0066\0067\0068\0069\0070\0071\0072\0073\0074\0075\0076\0077\0078\0079\0\
    080\0081\0082\0083\0084\0085\0086\0087\0088\0089\0090\0091\0092\0093\0094\0095\0\
    096\0097\0098\0099\0100\0101\0102\0103\0104\0105\0106\0107\0108\0109\0110\0111\0\
    112\0113\0114\0115\0116\0117\0118\0119\0120\0121\0122\0123\0124\0125\0126\0127\0\
    128\0129\0130\0131\0132\0133\0134\0135\0136\0137\0138\0139\0140\0141\0142\0143\0\
    144\0145\0146\0147\0148\0149\0150\0151\0152\0153\0154\0155\0156\0157\0158\0159\0\
    160\0161\0162\0163\0164\0165\0166\0167\0168\0169\0170\0171\0172\0173\0174\0175\0\
    176\0177\0178\0179\0180\0181\0182\0183\0184\0185\0186\0187\0188\0189\0190\0191\0\
    192\0193\0194\0195\0196\0197\0198\0199\0200\0201\0202\0203\0204\0205\0206\0207\0\
    208\0209\0210\0211\0212\0213\0214\0215\0216\0217\0218\0219\0220\0221\0222\0223\0\
    224\0225\0226\0227\0228\0229\0230\0231\0232\0233\0234\0235\0236\0237\0238\0239\0\
    240\0241\0242\0243\0244\0245\0246\0247\0248\0249\0250\0251\0252\0253\0254\0255\0\
    256\0257\0258\0259\0260\0261\0262\0263\0264\0265\0266\0267\0268\0269\0270\0271\0\
    272\0273\0274\0275\0276\0277\0278\0279\0280\0281\0282\0283\0284\0285\0286\0287\0\
    288\0289\0290\0291\0292\0293\0294\0295\0296\0297\0298\0299\0300\0301\0302\0303\0\
    304\0305\0306\0307\0308\0309\0310\0311\0312\0313\0314\0315\0316\0317\0318\0319\0\
    320\0321\0322\0323\0324\0325\0326\0327\0328\0329\0330\0331\0332\0333\0334\0335\0\
    336\0337\0338\0339\0340\0341\0342\0343\0344\0345\0346\0347\0348\0349\0350\0351\0\
    352\0353\0354\0355\0356\0357\0358\0359\0360\0361\0362\0363\0364\0365\0366\0367\0\
    368\0369\0370\0371\0372\0373\0374\0375\0376\0377\0378\0379\0380\0381\0382\0383\0\
    384\0385\0386\0387\0388\0389\0390\0391\0392\0393\0394\0395\0396\0397\0398\0399\0\
    400\0401\0402\0403\0404\0405\0406\0407\0408\0409\0410\0411\0412\0413\0414\0415\0\
    416\0417\0418\0419\0420\0421\0422\0423\0424\0425\0426\0427\0428\0429\0430\0431\0\
    432\0433\0434\0435\0436\0437\0438\0439\0440\0441\0442\0443\0444\0445\0446\0447\0\
    448\0449\0450\0451\0452\0453\0454\0455\0456\0457\0458\0459\0460\0461\0462\0463\0\
    464\0465\0466\0467\0468\0469\0470\0471\0472\0473\0474\0475\0476\0477\0478\0479\0\
    480\0481\0482\0483\0484\0485\0486\0487\0488\0489\0490\0491\0492\0493\0494\0495\0\
    496\0497\0498\0499\0500\0501\0502\0503\0504\0505\0506\0507\0508\0509\0510\0511\0\
    512\0513\0514\0515\0516\0517\0518\0519\0520\0521\0522\0523\0524\0525\0526\0527\0\
    528\0529\0530\0531\0532\0533\0534\0535\0536\0537\0538\0539\0540\0541\0542\0543\0\
    544\0545\0546\0547\0548\0549\0550\0551\0552\0553\0554\0555\0556\0557\0558\0559\0\
    560\0561\0562\0563\0564\0565\0566\0567\0568\0569\0570\0571\0572\0573\0574\0575\0\
    576\0577\0578\0579\0580\0581\0582\0583\0584\0585\0586\0587\0588\0589\0590\0591\0\
    592\0593\0594\0595\0596\0597\0598\0599\0600\0601\0602\0603\0604\0605\0606\0607\0\
    608\0609\0610\0611\0612\0613\0614\0615\0616\0617\0618\0619\0620\0621\0622\0623\0\
    624\0625\0626\0627\0628\0629\0630\0631\0632\0633\0634\0635\0636\0637\0638\0639\0\
    640\0641\0642\0643\0644\0645\0646\0647\0648\0649\0650\0651\0652\0653\0654\0655\0\
    656\0657\0658\0659\0660\0661\0662\0663\0664\0665\0666\0667\0668\0669\0670\0671\0\
    672\0673\0674\0675\0676\0677\0678\0679\0680\0681\0682\0683\0684\0685\0686\0687\0\
    688\0689\0690\0691\0692\0693\0694\0695\0696\0697\0698\0699\0700\0701\0702\0703\0\
    704\0705\0706\0707\0708\0709\0710\0711\0712\0713\0714\0715\0716\0717\0718\0719\0\
    720\0721\0722\0723\0724\0725\0726\0727\0728\0729\0730\0731\0732\0733\0734\0735\0\
    736\0737\0738\0739\0740\0741\0742\0743\0744\0745\0746\0747\0748\0749\0750\0751\0\
    752\0753\0754\0755\0756\0757\0758\0759\0760\0761\0762\0763\0764\0765\0766\0767\0\
    768\0769\0770\0771\0772\0773\0774\0775\0776\0777\0778\0779\0780\0781\0782\0783\0\
    784\0785\0786\0787\0788\0789\0790\0791\0792\0793\0794\0795\0796\0797\0798\0799\0\
    800\0801\0802\0803\0804\0805\0806\0807\0808\0809\0810\0811\0812\0813\0814\0815\0\
    816\0817\0818\0819\0820\0821\0822\0823\0824\0825\0826\0827\0828\0829\0830\0831\0\
    832\0833\0834\0835\0836\0837\0838\0839\0840\0841\0842\0843\0844\0845\0846\0847\0\
    848\0849\0850\0851\0852\0853\0854\0855\0856\0857\0858\0859\0860\0861\0862\0863\0\
    864\0865\0866\0867\0868\0869\0870\0871\0872\0873\0874\0875\0876\0877\0878\0879\0\
    880\0881\0882\0883\0884\0885\0886\0887\0888\0889\0890\0891\0892\0893\0894\0895\0\
    896\0897\0898\0899\0900\0901\0902\0903\0904\0905\0906\0907\0908\0909\0910\0911\0\
    912\0913\0914\0915\0916\0917\0918\0919\0920\0921\0922\0923\0924\0925\0926\0927\0\
    928\0929\0930\0931\0932\0933\0934\0935\0936\0937\0938\0939\0940\0941\0942\0943\0\
    944\0945\0946\0947\0948\0949\0950\0951\0952\0953\0954\0955\0956\0957\0958\0959\0\
    960\0961\0962\0963\0964\0965\0966\0967\0968\0969\0970\0971\0972\0973\0974\0975\0\
    976\0977\0978\0979\0980\0981\0982\0983\0984\0985\0986\0987\0988\0989\0990\0991\0\
    992\0993\0994\0995\0996\0997\0998\0999\0
    """

  /// `e-45` … `e+38`, four bytes each, for the point positions −44 … 39 (the exponent
  /// one less): entry pointPosition + 44.
  private static let exponentTexts: StaticString = """
    e-45e-44e-43e-42e-41e-40e-39e-38e-37e-36e-35e-34e-33e-32e-31e-30e-29e-28e-27e-26\
    e-25e-24e-23e-22e-21e-20e-19e-18e-17e-16e-15e-14e-13e-12e-11e-10e-09e-08e-07e-06\
    e-05e-04e-03e-02e-01e+00e+01e+02e+03e+04e+05e+06e+07e+08e+09e+10e+11e+12e+13e+14\
    e+15e+16e+17e+18e+19e+20e+21e+22e+23e+24e+25e+26e+27e+28e+29e+30e+31e+32e+33e+34\
    e+35e+36e+37e+38
    """

  /// Eight bytes at `out`, in one store.
  @inline(__always)
  private static func store(_ word: UInt64, at out: UnsafeMutablePointer<UInt8>) {
    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
  }

  /// Eight bytes of `text` (eight ASCII characters) at `out`, in one store.
  @inline(__always)
  private static func store(_ text: StaticString, at out: UnsafeMutablePointer<UInt8>) {
    let word = UnsafeRawPointer(text.utf8Start).loadUnaligned(as: UInt64.self)
    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
  }

  /// The decimal digits of `digits`, the last one just before `end`, two at a time
  /// (integers too: `ByteWriter.decimal` writes through here).
  @inline(__always)
  static func writeDigits<Digits: FixedWidthInteger & UnsignedInteger>(
    _ digits: Digits, endingAt end: UnsafeMutablePointer<UInt8>
  ) {
    var rest = digits
    var position = end
    while rest >= 100 {
      let next = rest / 100
      position -= 2
      writePair(Int(truncatingIfNeeded: rest &- next &* 100), at: position)
      rest = next
    }
    if rest >= 10 {
      writePair(Int(truncatingIfNeeded: rest), at: position - 2)
    } else {
      (position - 1).pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
    }
  }

  /// The two digits of `pair` (0 … 99) at `out`.
  @inline(__always)
  static func writePair(_ pair: Int, at out: UnsafeMutablePointer<UInt8>) {
    let digits = UnsafeRawPointer(digitPairs.utf8Start).loadUnaligned(
      fromByteOffset: pair &* 2, as: UInt16.self)
    UnsafeMutableRawPointer(out).storeBytes(of: digits, as: UInt16.self)
  }

  private static let digitPairs: StaticString = """
    0001020304050607080910111213141516171819202122232425\
    2627282930313233343536373839404142434445464748495051\
    5253545556575859606162636465666768697071727374757677\
    78798081828384858687888990919293949596979899
    """

  /// The number of decimal digits of `v` (nonzero): adding the entry for v's bit length
  /// carries into bit 32 exactly when v reaches the next power of ten (Kendall Willets'
  /// trick), so there is no chain of comparisons.
  @inline(__always)
  static func decimalLength(_ v: UInt32) -> Int {
    let log2 = 31 &- Int(truncatingIfNeeded: (v | 1).leadingZeroBitCount)
    return Int(truncatingIfNeeded: (UInt64(v) &+ digitCountSteps[log2]) &>> 32)
  }

  /// Entry j, for the values from 2^j to 2^(j+1) − 1, whose digit count is d or d + 1:
  /// (d + 1) × 2^32 − 10^d, or d × 2^32 when 10^d is beyond 32 bits. Generated with
  /// Python integers, checked at 2^j, 2^(j+1) − 1 and 10^d ± 1 for every j.
  private static let digitCountSteps: [UInt64] = [
    0x0000_0001_FFFF_FFF6, 0x0000_0001_FFFF_FFF6, 0x0000_0001_FFFF_FFF6,
    0x0000_0001_FFFF_FFF6, 0x0000_0002_FFFF_FF9C, 0x0000_0002_FFFF_FF9C,
    0x0000_0002_FFFF_FF9C, 0x0000_0003_FFFF_FC18, 0x0000_0003_FFFF_FC18,
    0x0000_0003_FFFF_FC18, 0x0000_0004_FFFF_D8F0, 0x0000_0004_FFFF_D8F0,
    0x0000_0004_FFFF_D8F0, 0x0000_0004_FFFF_D8F0, 0x0000_0005_FFFE_7960,
    0x0000_0005_FFFE_7960, 0x0000_0005_FFFE_7960, 0x0000_0006_FFF0_BDC0,
    0x0000_0006_FFF0_BDC0, 0x0000_0006_FFF0_BDC0, 0x0000_0007_FF67_6980,
    0x0000_0007_FF67_6980, 0x0000_0007_FF67_6980, 0x0000_0007_FF67_6980,
    0x0000_0008_FA0A_1F00, 0x0000_0008_FA0A_1F00, 0x0000_0008_FA0A_1F00,
    0x0000_0009_C465_3600, 0x0000_0009_C465_3600, 0x0000_0009_C465_3600,
    0x0000_000A_0000_0000, 0x0000_000A_0000_0000,
  ]

  /// The shortest `digits × 10^exponent` that rounds back to the float32 with this
  /// significand and biased binary exponent (not 0, and not a power of two), the
  /// closest of them, ties to an even last digit, as `hundreds` = upper / 100 and the
  /// `last` digit: digits = hundreds × 10 + last, at most nine digits, possibly ending
  /// in zeros (the writer drops them). `upper` and `hundreds` are known well before
  /// `last`.
  ///
  /// Dragonbox (Junekey Jeon, "Dragonbox: a new floating-point binary-to-decimal
  /// conversion algorithm", 2020), float32 with κ = 1, after the reference
  /// github.com/jk-jeon/dragonbox and fmt's compact port (include/fmt/format-inl.h):
  /// one 32×64-bit multiplication gives the upper end of the rounding interval scaled
  /// by 10^-k; its hundreds are the answer whenever the remainder fits in the interval's
  /// width, and otherwise one digit more comes from the remainder without a second
  /// full multiplication. Parity products settle exact ends and exact ties. Schubfach
  /// (used before) made three full multiplications for every value.
  ///
  /// Which of the two answers it is depends on the value's low bits, as good as random:
  /// a branch between them would be mispredicted about as often as not, so both are
  /// computed (the second is a few operations) and a mask keeps one.
  @inline(__always)
  static func decimal(significand: UInt32, ieeeExponent: UInt32) -> (
    upper: UInt32, hundreds: UInt32, last: UInt32, exponent: Int32
  ) {
    let cache = cacheByExponent[Int(ieeeExponent)]
    let info = infoByExponent[Int(ieeeExponent)]
    let beta = UInt64(info & 0xFF)
    let deltai = info &>> 8 & 0xFF
    let halfWidthBelow5 = info &>> 24
    let twoFc = significand &<< 1
    // zi: the interval's upper end, (2c + 1) × 2^(exponent−1) × 10^-minusK, truncated,
    // and the fraction the truncation dropped (its top 32 bits).
    let upper = cache.multipliedFullWidth(by: UInt64((twoFc | 1) &<< UInt32(beta)))
    var zi = UInt32(truncatingIfNeeded: upper.high)
    let ziFraction = UInt32(truncatingIfNeeded: upper.low &>> 32)

    var hundreds = zi / 100
    var r = zi &- 100 &* hundreds
    // zi rounded down to hundreds is inside when the remainder is below the width: then
    // `inside` is all ones, else 0 (the sign of r − deltai, both below 2^31, spread by
    // an arithmetic shift; a Bool here would become a branch again).
    var inside = UInt32(bitPattern: Int32(bitPattern: r &- deltai) &>> 31)
    // Rare cases (about one value in fifty), in one test.
    if _slowPath(r == deltai || r == 0) {
      // Round-half-even reading accepts the interval's ends when the significand is even.
      let includesEnds = significand & 1 == 0
      if r == deltai {
        // Exactly the width: inside if the lower end's fraction is not above zi's.
        let lower = mulParity(twoFc &- 1, cache, beta)
        inside = lower.parity || (lower.isInteger && includesEnds) ? ~0 : 0
      } else if ziFraction == 0 && !includesEnds {
        // zi is itself the rounded-down value, and an excluded end: one digit more,
        // below zi (its hundreds one less, and the remainder 100).
        zi &-= 100
        hundreds &-= 1
        r = 100
        inside = 0
      }
    }
    // One digit more: the one nearest the value, from the remainder's distance to the
    // middle of the interval, checked by parity when it could be a tie. Computed
    // whether needed or not (and meaningless when `inside`).
    var dist = r &- halfWidthBelow5  // r − deltai / 2 + 5
    let approximateParity = (dist ^ 5) & 1 != 0
    // dist / 10 and whether 10 divides it, for dist ≤ 100 (6554 = 2^16 / 10 + 1); the
    // mask keeps the (rare) tie check to the values not `inside`, in the same test.
    dist = dist &* 6554
    var last = dist &>> 16
    if _slowPath(dist & 0xFFFF | inside < 6554) {
      let middle = mulParity(twoFc, cache, beta)
      if middle.parity != approximateParity || (middle.isInteger && last & 1 != 0) {
        last &-= 1
      }
    }
    // The hundreds and a 0 (a trailing zero the writer drops), or the one digit more:
    // the same exponent either way, and a mask in place of a branch.
    return (
      zi, hundreds, last & ~inside, Int32(truncatingIfNeeded: info &>> 16 & 0xFF) &- 128
    )
  }

  /// For twoF / 2 × 2^exponent scaled by the cache: the parity of its integer part
  /// (bit 64 − beta of the product's low 64 bits) and whether it is an integer (the
  /// 32 bits below that are zero).
  @inline(__always)
  private static func mulParity(_ twoF: UInt32, _ cache: UInt64, _ beta: UInt64) -> (
    parity: Bool, isInteger: Bool
  ) {
    let product = UInt64(twoF) &* cache
    return (
      (product &>> (64 &- beta)) & 1 != 0,
      UInt32(truncatingIfNeeded: product &>> (32 &- beta)) == 0
    )
  }

  /// `decimal` for a power of two (not subnormal): the gap below is half the gap above,
  /// so the interval is lopsided and Dragonbox treats it apart, as Schubfach would.
  private static func powerOfTwoDecimal(_ exponent: Int32) -> (digits: UInt32, exponent: Int32) {
    // floor(log10(3/4 × 2^exponent)).
    let minusK = (exponent &* 631_305 &- 261_663) >> 21
    let beta = UInt64(truncatingIfNeeded: exponent &+ (((0 &- minusK) &* 1_741_647) >> 19))
    let cache = pow10Significands[Int(truncatingIfNeeded: 31 &- minusK)]
    // The interval's ends, 2^exponent × (1 − 1/4) and × (1 + 1/2), scaled.
    var xi = UInt32(truncatingIfNeeded: (cache &- (cache &>> 25)) &>> (40 &- beta))
    let zi = UInt32(truncatingIfNeeded: (cache &+ (cache &>> 24)) &>> (40 &- beta))
    // The lower end is an integer (and inside) only for exponents 2 and 3.
    if exponent < 2 || exponent > 3 { xi &+= 1 }
    let shorter = zi / 10
    if shorter &* 10 >= xi { return (shorter, minusK &+ 1) }
    // Else the value rounded to the nearest integer, half up, …
    var digits = (UInt32(truncatingIfNeeded: cache &>> (39 &- beta)) &+ 1) / 2
    if exponent == -35 {
      // … except where it can be exactly halfway (Dragonbox's tie thresholds): to even.
      digits &-= digits & 1
    } else if digits < xi {
      digits &+= 1
    }
    return (digits, minusK)
  }

  /// Per biased exponent 1 … 254 (0 and 255 unused), Dragonbox's power of ten for it:
  /// pow10Significands[31 − minusK] with minusK = ((exponent − 150) × 315653 >> 20) − 1,
  /// that is floor(log10(2^(exponent − 150))) − κ. A table in place of that arithmetic
  /// shortens each float's chain of steps; `ShortestFloatTests` derives it again.
  static let cacheByExponent: [UInt64] = [
    0x0000_0000_0000_0000, 0xE035_2F62_A19E_306F, 0xE035_2F62_A19E_306F,
    0xE035_2F62_A19E_306F, 0xB35D_BF82_1AE4_F38C, 0xB35D_BF82_1AE4_F38C,
    0xB35D_BF82_1AE4_F38C, 0xB35D_BF82_1AE4_F38C, 0x8F7E_32CE_7BEA_5C70,
    0x8F7E_32CE_7BEA_5C70, 0x8F7E_32CE_7BEA_5C70, 0xE596_B7B0_C643_C71A,
    0xE596_B7B0_C643_C71A, 0xE596_B7B0_C643_C71A, 0xB7AB_C627_0503_05AE,
    0xB7AB_C627_0503_05AE, 0xB7AB_C627_0503_05AE, 0xB7AB_C627_0503_05AE,
    0x92EF_D1B8_D0CF_37BF, 0x92EF_D1B8_D0CF_37BF, 0x92EF_D1B8_D0CF_37BF,
    0xEB19_4F8E_1AE5_25FE, 0xEB19_4F8E_1AE5_25FE, 0xEB19_4F8E_1AE5_25FE,
    0xBC14_3FA4_E250_EB32, 0xBC14_3FA4_E250_EB32, 0xBC14_3FA4_E250_EB32,
    0xBC14_3FA4_E250_EB32, 0x9676_9950_B50D_88F5, 0x9676_9950_B50D_88F5,
    0x9676_9950_B50D_88F5, 0xF0BD_C21A_BB48_DB21, 0xF0BD_C21A_BB48_DB21,
    0xF0BD_C21A_BB48_DB21, 0xC097_CE7B_C907_15B4, 0xC097_CE7B_C907_15B4,
    0xC097_CE7B_C907_15B4, 0xC097_CE7B_C907_15B4, 0x9A13_0B96_3A6C_115D,
    0x9A13_0B96_3A6C_115D, 0x9A13_0B96_3A6C_115D, 0xF684_DF56_C3E0_1BC7,
    0xF684_DF56_C3E0_1BC7, 0xF684_DF56_C3E0_1BC7, 0xC537_1912_364C_E306,
    0xC537_1912_364C_E306, 0xC537_1912_364C_E306, 0xC537_1912_364C_E306,
    0x9DC5_ADA8_2B70_B59E, 0x9DC5_ADA8_2B70_B59E, 0x9DC5_ADA8_2B70_B59E,
    0xFC6F_7C40_4581_2297, 0xFC6F_7C40_4581_2297, 0xFC6F_7C40_4581_2297,
    0xC9F2_C9CD_0467_4EDF, 0xC9F2_C9CD_0467_4EDF, 0xC9F2_C9CD_0467_4EDF,
    0xA18F_07D7_36B9_0BE6, 0xA18F_07D7_36B9_0BE6, 0xA18F_07D7_36B9_0BE6,
    0xA18F_07D7_36B9_0BE6, 0x813F_3978_F894_0985, 0x813F_3978_F894_0985,
    0x813F_3978_F894_0985, 0xCECB_8F27_F420_0F3A, 0xCECB_8F27_F420_0F3A,
    0xCECB_8F27_F420_0F3A, 0xA56F_A5B9_9019_A5C8, 0xA56F_A5B9_9019_A5C8,
    0xA56F_A5B9_9019_A5C8, 0xA56F_A5B9_9019_A5C8, 0x8459_5161_4014_84A0,
    0x8459_5161_4014_84A0, 0x8459_5161_4014_84A0, 0xD3C2_1BCE_CCED_A100,
    0xD3C2_1BCE_CCED_A100, 0xD3C2_1BCE_CCED_A100, 0xA968_163F_0A57_B400,
    0xA968_163F_0A57_B400, 0xA968_163F_0A57_B400, 0xA968_163F_0A57_B400,
    0x8786_7832_6EAC_9000, 0x8786_7832_6EAC_9000, 0x8786_7832_6EAC_9000,
    0xD8D7_26B7_177A_8000, 0xD8D7_26B7_177A_8000, 0xD8D7_26B7_177A_8000,
    0xAD78_EBC5_AC62_0000, 0xAD78_EBC5_AC62_0000, 0xAD78_EBC5_AC62_0000,
    0xAD78_EBC5_AC62_0000, 0x8AC7_2304_89E8_0000, 0x8AC7_2304_89E8_0000,
    0x8AC7_2304_89E8_0000, 0xDE0B_6B3A_7640_0000, 0xDE0B_6B3A_7640_0000,
    0xDE0B_6B3A_7640_0000, 0xB1A2_BC2E_C500_0000, 0xB1A2_BC2E_C500_0000,
    0xB1A2_BC2E_C500_0000, 0xB1A2_BC2E_C500_0000, 0x8E1B_C9BF_0400_0000,
    0x8E1B_C9BF_0400_0000, 0x8E1B_C9BF_0400_0000, 0xE35F_A931_A000_0000,
    0xE35F_A931_A000_0000, 0xE35F_A931_A000_0000, 0xB5E6_20F4_8000_0000,
    0xB5E6_20F4_8000_0000, 0xB5E6_20F4_8000_0000, 0xB5E6_20F4_8000_0000,
    0x9184_E72A_0000_0000, 0x9184_E72A_0000_0000, 0x9184_E72A_0000_0000,
    0xE8D4_A510_0000_0000, 0xE8D4_A510_0000_0000, 0xE8D4_A510_0000_0000,
    0xBA43_B740_0000_0000, 0xBA43_B740_0000_0000, 0xBA43_B740_0000_0000,
    0xBA43_B740_0000_0000, 0x9502_F900_0000_0000, 0x9502_F900_0000_0000,
    0x9502_F900_0000_0000, 0xEE6B_2800_0000_0000, 0xEE6B_2800_0000_0000,
    0xEE6B_2800_0000_0000, 0xBEBC_2000_0000_0000, 0xBEBC_2000_0000_0000,
    0xBEBC_2000_0000_0000, 0xBEBC_2000_0000_0000, 0x9896_8000_0000_0000,
    0x9896_8000_0000_0000, 0x9896_8000_0000_0000, 0xF424_0000_0000_0000,
    0xF424_0000_0000_0000, 0xF424_0000_0000_0000, 0xC350_0000_0000_0000,
    0xC350_0000_0000_0000, 0xC350_0000_0000_0000, 0xC350_0000_0000_0000,
    0x9C40_0000_0000_0000, 0x9C40_0000_0000_0000, 0x9C40_0000_0000_0000,
    0xFA00_0000_0000_0000, 0xFA00_0000_0000_0000, 0xFA00_0000_0000_0000,
    0xC800_0000_0000_0000, 0xC800_0000_0000_0000, 0xC800_0000_0000_0000,
    0xA000_0000_0000_0000, 0xA000_0000_0000_0000, 0xA000_0000_0000_0000,
    0xA000_0000_0000_0000, 0x8000_0000_0000_0000, 0x8000_0000_0000_0000,
    0x8000_0000_0000_0000, 0xCCCC_CCCC_CCCC_CCCD, 0xCCCC_CCCC_CCCC_CCCD,
    0xCCCC_CCCC_CCCC_CCCD, 0xA3D7_0A3D_70A3_D70B, 0xA3D7_0A3D_70A3_D70B,
    0xA3D7_0A3D_70A3_D70B, 0xA3D7_0A3D_70A3_D70B, 0x8312_6E97_8D4F_DF3C,
    0x8312_6E97_8D4F_DF3C, 0x8312_6E97_8D4F_DF3C, 0xD1B7_1758_E219_652C,
    0xD1B7_1758_E219_652C, 0xD1B7_1758_E219_652C, 0xA7C5_AC47_1B47_8424,
    0xA7C5_AC47_1B47_8424, 0xA7C5_AC47_1B47_8424, 0xA7C5_AC47_1B47_8424,
    0x8637_BD05_AF6C_69B6, 0x8637_BD05_AF6C_69B6, 0x8637_BD05_AF6C_69B6,
    0xD6BF_94D5_E57A_42BD, 0xD6BF_94D5_E57A_42BD, 0xD6BF_94D5_E57A_42BD,
    0xABCC_7711_8461_CEFD, 0xABCC_7711_8461_CEFD, 0xABCC_7711_8461_CEFD,
    0xABCC_7711_8461_CEFD, 0x8970_5F41_36B4_A598, 0x8970_5F41_36B4_A598,
    0x8970_5F41_36B4_A598, 0xDBE6_FECE_BDED_D5BF, 0xDBE6_FECE_BDED_D5BF,
    0xDBE6_FECE_BDED_D5BF, 0xAFEB_FF0B_CB24_AAFF, 0xAFEB_FF0B_CB24_AAFF,
    0xAFEB_FF0B_CB24_AAFF, 0xAFEB_FF0B_CB24_AAFF, 0x8CBC_CC09_6F50_88CC,
    0x8CBC_CC09_6F50_88CC, 0x8CBC_CC09_6F50_88CC, 0xE12E_1342_4BB4_0E14,
    0xE12E_1342_4BB4_0E14, 0xE12E_1342_4BB4_0E14, 0xB424_DC35_095C_D810,
    0xB424_DC35_095C_D810, 0xB424_DC35_095C_D810, 0xB424_DC35_095C_D810,
    0x901D_7CF7_3AB0_ACDA, 0x901D_7CF7_3AB0_ACDA, 0x901D_7CF7_3AB0_ACDA,
    0xE695_94BE_C44D_E15C, 0xE695_94BE_C44D_E15C, 0xE695_94BE_C44D_E15C,
    0xB877_AA32_36A4_B44A, 0xB877_AA32_36A4_B44A, 0xB877_AA32_36A4_B44A,
    0xB877_AA32_36A4_B44A, 0x9392_EE8E_921D_5D08, 0x9392_EE8E_921D_5D08,
    0x9392_EE8E_921D_5D08, 0xEC1E_4A7D_B695_61A6, 0xEC1E_4A7D_B695_61A6,
    0xEC1E_4A7D_B695_61A6, 0xBCE5_0864_9211_1AEB, 0xBCE5_0864_9211_1AEB,
    0xBCE5_0864_9211_1AEB, 0xBCE5_0864_9211_1AEB, 0x971D_A050_74DA_7BEF,
    0x971D_A050_74DA_7BEF, 0x971D_A050_74DA_7BEF, 0xF1C9_0080_BAF7_2CB2,
    0xF1C9_0080_BAF7_2CB2, 0xF1C9_0080_BAF7_2CB2, 0xC16D_9A00_9592_8A28,
    0xC16D_9A00_9592_8A28, 0xC16D_9A00_9592_8A28, 0xC16D_9A00_9592_8A28,
    0x9ABE_14CD_4475_3B53, 0x9ABE_14CD_4475_3B53, 0x9ABE_14CD_4475_3B53,
    0xF796_87AE_D3EE_C552, 0xF796_87AE_D3EE_C552, 0xF796_87AE_D3EE_C552,
    0xC612_0625_7658_9DDB, 0xC612_0625_7658_9DDB, 0xC612_0625_7658_9DDB,
    0xC612_0625_7658_9DDB, 0x9E74_D1B7_91E0_7E49, 0x9E74_D1B7_91E0_7E49,
    0x9E74_D1B7_91E0_7E49, 0xFD87_B5F2_8300_CA0E, 0xFD87_B5F2_8300_CA0E,
    0xFD87_B5F2_8300_CA0E, 0xCAD2_F7F5_359A_3B3F, 0xCAD2_F7F5_359A_3B3F,
    0xCAD2_F7F5_359A_3B3F, 0xA242_5FF7_5E14_FC32, 0xA242_5FF7_5E14_FC32,
    0x0000_0000_0000_0000,
  ]

  /// Per biased exponent, as `cacheByExponent`: beta = exponent − 150 +
  /// floor(log2(10^-minusK)) (3 … 6) in bits 0–7, deltai = cache >> (63 − beta) (the
  /// interval's width, 10 … 99) in bits 8–15, minusK + 1 + 128 (the exponent of
  /// Dragonbox's digits, biased) in bits 16–23, and deltai / 2 − 5 in bits 24–31.
  static let infoByExponent: [UInt32] = [
    0x0000_0000, 0x0253_0E03, 0x0953_1C04, 0x1753_3805, 0x0054_0B03, 0x0654_1604,
    0x1154_2C05, 0x2754_5906, 0x0355_1104, 0x0C55_2305, 0x1E55_4706, 0x0256_0E03,
    0x0956_1C04, 0x1756_3905, 0x0057_0B03, 0x0657_1604, 0x1157_2D05, 0x2857_5B06,
    0x0458_1204, 0x0D58_2405, 0x1F58_4906, 0x0259_0E03, 0x0959_1D04, 0x1859_3A05,
    0x005A_0B03, 0x065A_1704, 0x125A_2F05, 0x2A5A_5E06, 0x045B_1204, 0x0D5B_2505,
    0x205B_4B06, 0x025C_0F03, 0x0A5C_1E04, 0x195C_3C05, 0x015D_0C03, 0x075D_1804,
    0x135D_3005, 0x2B5D_6006, 0x045E_1304, 0x0E5E_2605, 0x215E_4D06, 0x025F_0F03,
    0x0A5F_1E04, 0x195F_3D05, 0x0160_0C03, 0x0760_1804, 0x1360_3105, 0x2C60_6206,
    0x0461_1304, 0x0E61_2705, 0x2261_4E06, 0x0262_0F03, 0x0A62_1F04, 0x1A62_3F05,
    0x0163_0C03, 0x0763_1904, 0x1463_3205, 0x0064_0A03, 0x0564_1404, 0x0F64_2805,
    0x2364_5006, 0x0365_1004, 0x0B65_2005, 0x1B65_4006, 0x0166_0C03, 0x0766_1904,
    0x1466_3305, 0x0067_0A03, 0x0567_1404, 0x0F67_2905, 0x2467_5206, 0x0368_1004,
    0x0B68_2105, 0x1C68_4206, 0x0169_0D03, 0x0869_1A04, 0x1569_3405, 0x006A_0A03,
    0x056A_1504, 0x106A_2A05, 0x256A_5406, 0x036B_1004, 0x0B6B_2105, 0x1C6B_4306,
    0x016C_0D03, 0x086C_1B04, 0x166C_3605, 0x006D_0A03, 0x056D_1504, 0x106D_2B05,
    0x266D_5606, 0x036E_1104, 0x0C6E_2205, 0x1D6E_4506, 0x016F_0D03, 0x086F_1B04,
    0x166F_3705, 0x0070_0B03, 0x0670_1604, 0x1170_2C05, 0x2770_5806, 0x0371_1104,
    0x0C71_2305, 0x1E71_4706, 0x0272_0E03, 0x0972_1C04, 0x1772_3805, 0x0073_0B03,
    0x0673_1604, 0x1173_2D05, 0x2873_5A06, 0x0474_1204, 0x0D74_2405, 0x1F74_4806,
    0x0275_0E03, 0x0975_1D04, 0x1875_3A05, 0x0076_0B03, 0x0676_1704, 0x1276_2E05,
    0x2976_5D06, 0x0477_1204, 0x0D77_2505, 0x2077_4A06, 0x0278_0E03, 0x0978_1D04,
    0x1878_3B05, 0x0079_0B03, 0x0679_1704, 0x1279_2F05, 0x2A79_5F06, 0x047A_1304,
    0x0E7A_2605, 0x217A_4C06, 0x027B_0F03, 0x0A7B_1E04, 0x197B_3D05, 0x017C_0C03,
    0x077C_1804, 0x137C_3005, 0x2B7C_6106, 0x047D_1304, 0x0E7D_2705, 0x227D_4E06,
    0x027E_0F03, 0x0A7E_1F04, 0x1A7E_3E05, 0x017F_0C03, 0x077F_1904, 0x147F_3205,
    0x0080_0A03, 0x0580_1404, 0x0F80_2805, 0x2380_5006, 0x0381_1004, 0x0B81_2005,
    0x1B81_4006, 0x0182_0C03, 0x0782_1904, 0x1482_3305, 0x0083_0A03, 0x0583_1404,
    0x0F83_2805, 0x2383_5106, 0x0384_1004, 0x0B84_2005, 0x1B84_4106, 0x0185_0D03,
    0x0885_1A04, 0x1585_3405, 0x0086_0A03, 0x0586_1404, 0x0F86_2905, 0x2486_5306,
    0x0387_1004, 0x0B87_2105, 0x1C87_4306, 0x0188_0D03, 0x0888_1A04, 0x1588_3505,
    0x0089_0A03, 0x0589_1504, 0x1089_2A05, 0x2589_5506, 0x038A_1104, 0x0C8A_2205,
    0x1D8A_4406, 0x018B_0D03, 0x088B_1B04, 0x168B_3605, 0x008C_0A03, 0x058C_1504,
    0x108C_2B05, 0x268C_5706, 0x038D_1104, 0x0C8D_2305, 0x1E8D_4606, 0x028E_0E03,
    0x098E_1C04, 0x178E_3805, 0x008F_0B03, 0x068F_1604, 0x118F_2D05, 0x288F_5A06,
    0x0490_1204, 0x0D90_2405, 0x1F90_4806, 0x0291_0E03, 0x0991_1C04, 0x1791_3905,
    0x0092_0B03, 0x0692_1704, 0x1292_2E05, 0x2992_5C06, 0x0493_1204, 0x0D93_2405,
    0x1F93_4906, 0x0294_0E03, 0x0994_1D04, 0x1894_3B05, 0x0095_0B03, 0x0695_1704,
    0x1295_2F05, 0x2A95_5E06, 0x0496_1204, 0x0D96_2505, 0x2096_4B06, 0x0297_0F03,
    0x0A97_1E04, 0x1997_3C05, 0x0198_0C03, 0x0798_1804, 0x1398_3005, 0x2B98_6006,
    0x0499_1304, 0x0E99_2605, 0x2199_4D06, 0x029A_0F03, 0x0A9A_1E04, 0x199A_3D05,
    0x019B_0C03, 0x079B_1804, 0x139B_3105, 0x2C9B_6306, 0x049C_1304, 0x0E9C_2705,
    0x229C_4F06, 0x029D_0F03, 0x0A9D_1F04, 0x1A9D_3F05, 0x019E_0C03, 0x079E_1904,
    0x149E_3205, 0x009F_0A03, 0x059F_1404, 0x0000_0000,
  ]

  /// ceil(10^e × 2^-r) for e = -31 … 46 (entry 31 + e), with r chosen so the value is
  /// in [2^63, 2^64): 10^e rounded up to 64 significant bits. Generated with Python
  /// integers: g = -((-n) // d) for the exact fraction n / d = 10^e × 2^-r, checked
  /// (g − 1) × d < n ≤ g × d; equal to Dragonbox's float32 table.
  static let pow10Significands: [UInt64] = [
    0x81CE_B32C_4B43_FCF5, 0xA242_5FF7_5E14_FC32, 0xCAD2_F7F5_359A_3B3F,
    0xFD87_B5F2_8300_CA0E, 0x9E74_D1B7_91E0_7E49, 0xC612_0625_7658_9DDB,
    0xF796_87AE_D3EE_C552, 0x9ABE_14CD_4475_3B53, 0xC16D_9A00_9592_8A28,
    0xF1C9_0080_BAF7_2CB2, 0x971D_A050_74DA_7BEF, 0xBCE5_0864_9211_1AEB,
    0xEC1E_4A7D_B695_61A6, 0x9392_EE8E_921D_5D08, 0xB877_AA32_36A4_B44A,
    0xE695_94BE_C44D_E15C, 0x901D_7CF7_3AB0_ACDA, 0xB424_DC35_095C_D810,
    0xE12E_1342_4BB4_0E14, 0x8CBC_CC09_6F50_88CC, 0xAFEB_FF0B_CB24_AAFF,
    0xDBE6_FECE_BDED_D5BF, 0x8970_5F41_36B4_A598, 0xABCC_7711_8461_CEFD,
    0xD6BF_94D5_E57A_42BD, 0x8637_BD05_AF6C_69B6, 0xA7C5_AC47_1B47_8424,
    0xD1B7_1758_E219_652C, 0x8312_6E97_8D4F_DF3C, 0xA3D7_0A3D_70A3_D70B,
    0xCCCC_CCCC_CCCC_CCCD, 0x8000_0000_0000_0000, 0xA000_0000_0000_0000,
    0xC800_0000_0000_0000, 0xFA00_0000_0000_0000, 0x9C40_0000_0000_0000,
    0xC350_0000_0000_0000, 0xF424_0000_0000_0000, 0x9896_8000_0000_0000,
    0xBEBC_2000_0000_0000, 0xEE6B_2800_0000_0000, 0x9502_F900_0000_0000,
    0xBA43_B740_0000_0000, 0xE8D4_A510_0000_0000, 0x9184_E72A_0000_0000,
    0xB5E6_20F4_8000_0000, 0xE35F_A931_A000_0000, 0x8E1B_C9BF_0400_0000,
    0xB1A2_BC2E_C500_0000, 0xDE0B_6B3A_7640_0000, 0x8AC7_2304_89E8_0000,
    0xAD78_EBC5_AC62_0000, 0xD8D7_26B7_177A_8000, 0x8786_7832_6EAC_9000,
    0xA968_163F_0A57_B400, 0xD3C2_1BCE_CCED_A100, 0x8459_5161_4014_84A0,
    0xA56F_A5B9_9019_A5C8, 0xCECB_8F27_F420_0F3A, 0x813F_3978_F894_0985,
    0xA18F_07D7_36B9_0BE6, 0xC9F2_C9CD_0467_4EDF, 0xFC6F_7C40_4581_2297,
    0x9DC5_ADA8_2B70_B59E, 0xC537_1912_364C_E306, 0xF684_DF56_C3E0_1BC7,
    0x9A13_0B96_3A6C_115D, 0xC097_CE7B_C907_15B4, 0xF0BD_C21A_BB48_DB21,
    0x9676_9950_B50D_88F5, 0xBC14_3FA4_E250_EB32, 0xEB19_4F8E_1AE5_25FE,
    0x92EF_D1B8_D0CF_37BF, 0xB7AB_C627_0503_05AE, 0xE596_B7B0_C643_C71A,
    0x8F7E_32CE_7BEA_5C70, 0xB35D_BF82_1AE4_F38C, 0xE035_2F62_A19E_306F,
  ]
}
