using System.Text.RegularExpressions;

namespace IroPortal.Modularity;

/// <param name="Kind">What it looks like, in words: "a phone number".</param>
/// <param name="Text">The words found, to show the writer where.</param>
/// <param name="IsPossibleName">A word that may be a child's name; only a person can tell, so the writer may
/// confirm it is not one. Everything else is certain enough to be removed.</param>
/// <param name="Person">For a lone first name or surname of an approved person ("Grace" of "Grace Murphy"): who
/// it may be, so the writer can say so in one click.</param>
public sealed record IdentifyingFinding(string Kind, string Text, bool IsPossibleName, string? Person = null)
{
    /// <summary>Where in the text it starts, so a reader can look at what stands around it.</summary>
    public int Index { get; init; } = -1;
}

/// <summary>Finds what could identify a child in free text: contact details, dates, national identifiers, the
/// council's case references, social media, and words that may be personal names wherever they stand.</summary>
public static partial class IdentifyingText
{
    public const string EmailKind = "an email address";
    public const string PhoneKind = "a phone number";
    public const string PostcodeKind = "a postcode";
    public const string NhsKind = "an NHS number";
    public const string UpnKind = "a unique pupil number";
    public const string NinoKind = "a National Insurance number";
    public const string CaseReferenceKind = "a case reference";
    public const string SocialKind = "a social media handle or profile";
    public const string AddressKind = "a street address";
    public const string FullDateKind = "a full date, such as a date of birth";
    public const string NameKind = "a name";

    /// <param name="approved">Names and words that may appear (staff, the council's own name, words the manager
    /// said are not names).</param>
    /// <param name="caseReferences">The council's case references; the usual shapes when null.</param>
    public static IReadOnlyList<IdentifyingFinding> Find(string? text, ApprovedNames? approved = null, CaseReferences? caseReferences = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        approved ??= ApprovedNames.None;
        var written = text;
        text = AsciiDigits(text);
        var findings = new List<IdentifyingFinding>();
        var taken = new List<(int Start, int End)>();
        bool Overlaps(int start, int end) => taken.Any(t => start < t.End && t.Start < end);
        void Add(string kind, Match match)
        {
            if (Overlaps(match.Index, match.Index + match.Length)) return;
            taken.Add((match.Index, match.Index + match.Length)); // the council's own address is not a name either
            if (!approved.IsCouncilContact(kind, match.Value)) findings.Add(new(kind, written.Substring(match.Index, match.Length).Trim(), false) { Index = match.Index });
        }

        foreach (Match m in Email().Matches(text)) Add(EmailKind, m);
        foreach (Match m in SpelledEmail().Matches(text))
            if (SpelledDot().IsMatch(m.Value)) Add(EmailKind, m);
        foreach (Match m in ProfileLink().Matches(text)) Add(SocialKind, m);
        foreach (Match m in Handle().Matches(text)) Add(SocialKind, m);
        foreach (Match m in Upn().Matches(text)) Add(UpnKind, m);
        foreach (Match m in Nino().Matches(text))
            if (!NinoNeverIssued().IsMatch(m.Value)) Add(NinoKind, m);
        foreach (var pattern in (caseReferences ?? CaseReferences.Usual).Patterns)
            foreach (Match m in pattern.Matches(text)) Add(CaseReferenceKind, m);
        foreach (Regex dates in (Regex[])[YearFirstDate(), NumericDate(), DayMonthNameDate(), MonthNameDayDate()])
            foreach (Match m in dates.Matches(text)) Add(FullDateKind, m);
        foreach (Match m in TenDigits().Matches(text))
            if (IsNhsNumber(m.Value)) Add(NhsKind, m);
        foreach (Match m in Phone().Matches(text))
            if (IsUkPhone(m.Value)) Add(PhoneKind, m);
        foreach (Match m in StreetAddress().Matches(text)) Add(AddressKind, m);
        foreach (Match m in Postcode().Matches(text))
            if (!LowerCaseOrdinal().IsMatch(m.Value)) Add(PostcodeKind, m);

        findings.AddRange(PersonalNames.Find(text, approved, Overlaps));
        return findings.OrderBy(f => f.Index).ToList();
    }

    /// <summary>Digits of any script as 0-9, one character for one, so "٠٧٧٠٠ ٩٠٠١٢٣" (Arabic-Indic) or "۰۷۷۰۰" (Persian) is
    /// read as the phone number it is, and every position in the text stays where it was.</summary>
    public static string AsciiDigits(string text)
    {
        if (!text.Any(c => c > '\u007f' && char.IsDigit(c))) return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] > '\u007f' && char.IsDigit(source[i]) ? (char)('0' + (int)char.GetNumericValue(source[i])) : source[i];
        });
    }

    /// <summary>A day and month with no year: identifying only beside a birth ("her birthday is 3 May").</summary>
    public static IEnumerable<Match> DaysAndMonths(string text) => DayMonthName().Matches(text);

    /// <summary>NHS numbers carry a check digit (modulus 11): other ten-digit numbers are not flagged.</summary>
    public static bool IsNhsNumber(string text)
    {
        var digits = text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9];
    }

    /// <summary>A UK number, national (0…) or international (+44, 0044, with or without "(0)"): 9 or 10 digits after
    /// the trunk zero, starting as UK numbers do.</summary>
    public static bool IsUkPhone(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('+') || digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = digits[(trimmed.StartsWith('+') ? 2 : 4)..];
            if (digits.StartsWith('0')) digits = digits[1..]; // the "(0)" written inside
        }
        else if (digits.StartsWith('0')) digits = digits[1..];
        else return false;
        return digits.Length is 9 or 10 && digits[0] is '1' or '2' or '3' or '5' or '7' or '8' or '9';
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // "jo.bloggs at example dot com", "jo (at) example (dot) co (dot) uk": an address spelled out to dodge filters.
    [GeneratedRegex(@"\b[\w.+-]+(?:\s*[(\[]?\s*dot\s*[)\]]?\s*[\w+-]+)*\s*[(\[]?\s*(?:at|@)\s*[)\]]?\s*[\w-]+(?:\s*[(\[]?\s*(?:dot|\.)\s*[)\]]?\s*[\w-]+)*?\s*[(\[]?\s*(?:dot|\.)\s*[)\]]?\s*(?:com|co|uk|org|net|gov|ac|nhs|sch|info|me|io|biz)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledEmail();

    [GeneratedRegex(@"\bdot\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpelledDot();

    // A link to a person's profile on a social network (the site's root page is nobody's).
    [GeneratedRegex(@"(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|linkedin|youtube|threads|reddit|pinterest|tumblr|twitch|discord|telegram|whatsapp|wa)\.(?:com|net|me|gg|tv)/[^\s""'<>)]+", RegexOptions.IgnoreCase)]
    private static partial Regex ProfileLink();

    [GeneratedRegex(@"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})\b")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\b[A-Z]\d{11}[A-Z0-9]\b", RegexOptions.IgnoreCase)]
    private static partial Regex Upn();

    [GeneratedRegex(@"\b[A-Z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-D]\b", RegexOptions.IgnoreCase)]
    private static partial Regex Nino();

    [GeneratedRegex(@"^(?:BG|GB|NK|KN|TN|NT|ZZ)", RegexOptions.IgnoreCase)]
    private static partial Regex NinoNeverIssued();

    private const string Months = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(@"\b(?:19|20)\d{2}\s?[/.\-]\s?(?:0?[1-9]|1[0-2])\s?[/.\-]\s?(?:0?[1-9]|[12]\d|3[01])\b")]
    private static partial Regex YearFirstDate();

    // 12/03/2015, 12.3.15, 12-03-2015, and with spaces only when the year has four digits (12 03 2015).
    [GeneratedRegex(@"(?<![\d.,/-])(?:0?[1-9]|[12]\d|3[01])(?:\s?(?<sep>[/.\-])\s?(?:0?[1-9]|1[0-2])\s?\k<sep>\s?(?:(?:19|20)\d{2}|\d{2})|\s(?:0?[1-9]|1[0-2])\s(?:19|20)\d{2})(?![\d.,/-]?\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+" + Months + @"\.?,?[\s\-/.]+(?:(?:19|20)\d{2}|['’]?\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameDate();

    [GeneratedRegex(@"\b" + Months + @"\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:(?:19|20)\d{2}|['’]\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayDate();

    [GeneratedRegex(@"\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s+of)?\s+" + Months + @"\b|\b" + Months + @"\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"(?<![\d+])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)")]
    private static partial Regex TenDigits();

    [GeneratedRegex(@"(?<![\w+])(?:(?:\+\s?|00)44[\s\-.]*(?:\(\s?0\s?\)[\s\-.]*)?|\(?0)(?:[\s\-.()]*\d){9,10}(?![\d])")]
    private static partial Regex Phone();

    // "14 Elm Road", "7a Church Street": a house number and a street.
    [GeneratedRegex(@"\b\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Place|Gardens|Court|Terrace|Walk|Rise|Mews|Square|Row|Parade|Green|View|Park|Hill)\b\.?")]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    // "A4 5th": an ordinal written in lower case after a paper size is not a postcode.
    [GeneratedRegex(@"\d(?:st|nd|rd|th)$")]
    private static partial Regex LowerCaseOrdinal();
}

/// <summary>The council's case references, as the manager describes them: "NM-#####" (# a digit, ? a letter,
/// anything else as written). Without a description, letters then a dash or slash then three or more digits.</summary>
public sealed partial class CaseReferences
{
    public static readonly CaseReferences Usual = new([UsualPattern()]);

    public IReadOnlyList<Regex> Patterns { get; }

    private CaseReferences(IReadOnlyList<Regex> patterns) => Patterns = patterns;

    /// <param name="shapes">One shape a line; blank lines are ignored. No shape at all means the usual ones.</param>
    public static CaseReferences FromShapes(string? shapes)
    {
        var lines = (shapes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? Usual : new([.. lines.Select(Compile), UsualPattern()]);
    }

    /// <returns>Null when the shape is fine; otherwise what is wrong with it, in words.</returns>
    public static string? Problem(string shape)
    {
        if (shape.Length > 40) return $"\u201c{shape}\u201d is longer than 40 characters";
        if (!shape.Contains('#')) return $"\u201c{shape}\u201d has no # for a digit: a case reference always has digits";
        if (shape.Any(char.IsWhiteSpace)) return $"\u201c{shape}\u201d has a space: write one shape a line, without spaces";
        return null;
    }

    private static Regex Compile(string shape)
    {
        var pattern = string.Concat(shape.Select(c => c switch { '#' => @"\d", '?' => "[A-Za-z]", _ => Regex.Escape(c.ToString()) }));
        return new Regex(@"(?<![\w])" + pattern + @"(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\b[A-Z]{1,4}[-/]\d{3,}\b|\b[A-Z]{2,4}\d{6,}\b")]
    private static partial Regex UsualPattern();
}
