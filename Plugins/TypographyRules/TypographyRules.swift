import GalleyCore

/// 标点与排版: print-newspaper typography (GB/T 15834 punctuation, GB/T 15835 numbers).
public let typographyPlugin = PluginFamily(
    id: "typography", version: "1",
    summary: Message("标点符号与数字用法（GB/T 15834、GB/T 15835）", en: "Punctuation and number forms (GB/T 15834, GB/T 15835)"),
    rules: [
        RepeatedPunctuationRule.self,
        FullWidthAlphanumericRule.self,
        EllipsisFormRule.self,
        DashFormRule.self,
        HalfwidthPunctuationRule.self,
        MixedSignFormsRule.self,
        UnbalancedPairsRule.self,
        DengAfterEllipsisRule.self,
        TitleQuoteEnumerationCommaRule.self,
        ChineseNumeralZeroRule.self,
        RangeConnectorRule.self,
        HanDigitSpacingRule.self,
        HanLatinSpacingRule.self,
        LetterSpacingRule.self,
        PunctuationSpacingRule.self,
        BracketInnerSpacingRule.self,
        LineEdgeSpacesRule.self,
        SplitNumberRule.self,
        SplitNameRule.self,
    ],
    // Names in the roster let typography.split-name find a split name in running text.
    resourcePaths: [SplitNameRule.staffFile],
    warm: { _ = SplitNameRule.rosterNameList($0) })
