import GalleyCore

/// The style groups of an ICML story: one paragraph style per block role, the 电头 character style.
enum ICMLStyles {
    static let noCharacterStyle = "CharacterStyle/$ID/[No character style]"
    static func characterStyle(_ name: String) -> String { "CharacterStyle/" + selfName(name) }
    static func paragraphStyle(_ name: String) -> String { "ParagraphStyle/" + selfName(name) }

    /// A colon in a `Self` name is written `%3a` (as pandoc and InDesign do).
    static func selfName(_ name: String) -> String {
        MarkupText.escape(name).replacingColons()
    }

    static func definitions(settings: LayoutSettings, cjkAttributes: Bool) -> String {
        var out = """
              <RootCharacterStyleGroup Self="rcsg">
                <CharacterStyle Self="\(noCharacterStyle)" Name="$ID/[No character style]"/>
                <CharacterStyle Self="\(characterStyle(datelineStyleName))" Name="\(datelineStyleName)" FontStyle="Bold">
                  <Properties><AppliedFont type="string">Noto Sans CJK SC</AppliedFont></Properties>
                </CharacterStyle>
              </RootCharacterStyleGroup>
              <RootParagraphStyleGroup Self="rpsg">
                <ParagraphStyle Self="ParagraphStyle/$ID/[No paragraph style]" Name="$ID/[No paragraph style]"/>

            """
        for role in BlockRole.allCases {
            out += paragraphStyleDefinition(role, settings: settings, cjkAttributes: cjkAttributes)
        }
        return out + "  </RootParagraphStyleGroup>\n"
    }

    static func paragraphStyleDefinition(_ role: BlockRole, settings: LayoutSettings, cjkAttributes: Bool) -> String {
        let size = settings.bodySize * settings.scale(of: role)
        let leading = role.isHeadlineBlock ? Double(settings.bodyLines(of: role)) * settings.leading : settings.leading
        let indent = role == .body ? Double(settings.indent) * settings.bodySize : 0
        let justification = role.isHeadlineBlock ? "CenterAlign" : "LeftJustified"
        let font = role == .body ? "Noto Serif CJK SC" : "Noto Sans CJK SC"
        var attributes = "PointSize=\"\(points(size))\" FirstLineIndent=\"\(points(indent))\" Justification=\"\(justification)\""
        if role == .headline { attributes += " FontStyle=\"Bold\"" }
        var properties = """
                      <BasedOn type="string">$ID/[No paragraph style]</BasedOn>
                      <AppliedFont type="string">\(font)</AppliedFont>
                      <Leading type="unit">\(points(leading))</Leading>

            """
        if cjkAttributes {
            // layout.md §2.2: names from real exports, push-out only as the seed newspaper sets.
            attributes += " KinsokuType=\"KinsokuPushOutOnly\" KinsokuHangType=\"None\" BunriKinshi=\"true\""
                + " Composer=\"HL Composer J\""
            properties += """
                          <KinsokuSet type="enumeration">SimplifiedChineseKinsoku</KinsokuSet>

                """
        }
        let name = role.styleName
        return """
                <ParagraphStyle Self="\(paragraphStyle(name))" Name="\(MarkupText.escape(name))" \(attributes)>
                  <Properties>
            \(properties)      </Properties>
                </ParagraphStyle>

            """
    }

    /// Points with at most two decimals, no trailing zeros (`9`, `12.6`).
    static func points(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

private extension String {
    func replacingColons() -> String {
        var out = ""
        for c in self { out += c == ":" ? "%3a" : String(c) }
        return out
    }
}
