namespace Site.Generator.Diagnostics;

/// <summary>
/// Stable codes: SG1xxx load, SG2xxx validate, SG3xxx link, SG4xxx render/write.
/// Tests assert codes and positions, never wording, so messages can be improved freely.
/// </summary>
public static class DiagnosticCodes
{
    // Loading: the file cannot be read as what it claims to be.
    public const string YamlSyntax = "SG1001";
    public const string MissingFrontMatter = "SG1002";
    public const string UnreadableSpreadsheet = "SG1003";
    public const string UnknownInputFile = "SG1004";
    public const string UnknownSpreadsheetColumn = "SG1005";

    /// <summary>A symbolic link (file or folder): never followed, never published.</summary>
    public const string LinkRefused = "SG1006";

    /// <summary>A web host's control file (_headers, _redirects, netlify.toml …) in content/: not published.</summary>
    public const string HostControlFile = "SG1007";

    /// <summary>A file in content/ of a type the site does not publish (SVG, HTML, scripts …).</summary>
    public const string StaticFileType = "SG1008";

    /// <summary>A roster without a 代表编号 column: ids are made from name and birth (or a made id had to be numbered).</summary>
    public const string DerivedIds = "SG1009";

    /// <summary>A sheet not read: hidden, or no header row found.</summary>
    public const string SkippedSheet = "SG1010";

    /// <summary>A row not read: it has content only in columns nobody knows.</summary>
    public const string SkippedRow = "SG1011";

    /// <summary>A file or sheet with content that yielded no record.</summary>
    public const string EmptySheet = "SG1012";

    /// <summary>A sheet without a column every record needs (姓名, 层级 …): one error for the sheet.</summary>
    public const string MissingColumn = "SG1013";

    /// <summary>A text file that is not UTF-8 (read as GB18030 with a warning, or not read).</summary>
    public const string NotUtf8 = "SG1021";

    /// <summary>A header with no field at all (only comments), which would give no page.</summary>
    public const string EmptyFrontMatter = "SG1022";

    /// <summary>A plain YAML value cut at " #", the rest read as a comment.</summary>
    public const string YamlCommentInValue = "SG1023";

    /// <summary>The site root does not exist, or has neither content/ nor input/: nothing is built or written.</summary>
    public const string MissingRoot = "SG1024";

    // Validation: a field is missing, malformed or not allowed.
    public const string MissingField = "SG2001";
    public const string BadDate = "SG2002";
    public const string UnknownKey = "SG2003";
    public const string BadValue = "SG2004";
    public const string DuplicateId = "SG2005";
    public const string WrongShape = "SG2006";

    /// <summary>A slug, tag or id that is not one safe URL segment (e.g. ../x, a/b, a space).</summary>
    public const string UnsafeName = "SG2007";

    /// <summary>An image reference (cover, photo, Markdown image) that is not a local image of an allowed type.</summary>
    public const string BadImage = "SG2008";

    /// <summary>Two pages or files would be written at one URL (a page named like a roster page, /deputies/).</summary>
    public const string UrlClash = "SG2009";

    public const string UnknownColumn = "SG2101";
    public const string BadNumber = "SG2102";

    /// <summary>Spaces inside a Han name (赵  敏), removed.</summary>
    public const string NameSpaces = "SG2103";

    /// <summary>One name twice in one roster (both rows named).</summary>
    public const string DuplicateName = "SG2104";

    /// <summary>A 层级 that the 届次 contradicts (省级 on a 县第十八届 deputy).</summary>
    public const string LevelMismatch = "SG2105";
    /// <summary>Votes that cannot add up: for+against+abstain over present, present over due.</summary>
    public const string BallotArithmetic = "SG2201";

    /// <summary>Who is elected: places not fewer than candidates (no 差额), or not the top N without a note.</summary>
    public const string BallotElection = "SG2202";

    /// <summary>Progress going backwards, or out of date order.</summary>
    public const string ProgressOrder = "SG2203";

    /// <summary>Money in 万元 that does not agree: a stated total unlike the sum of its projects.</summary>
    public const string BallotMoney = "SG2204";
    public const string DraftStructure = "SG2301";

    /// <summary>A draft's title names another reading than its <c>reading:</c> (（草案二次审议稿） on a 一审 draft).</summary>
    public const string DraftTitleReading = "SG2302";

    /// <summary>A feedback report whose text states a total (共收到意见 N 条, 采纳 N 条) unlike its <c>received</c>/<c>adopted</c>.</summary>
    public const string DraftFeedbackFigures = "SG2303";

    /// <summary>A station's reception day that falls outside its stated opening days (hours: 周一至周五).</summary>
    public const string ReceptionOutsideHours = "SG2501";

    /// <summary>A 述职评议 whose appraisal does not add up: more appraisals than voters present, or a 满意率 the counts contradict.</summary>
    public const string ReportBackArithmetic = "SG2401";

    /// <summary>A 述职评议 without any appraisal (no counts, rate or rating): shown, with a warning.</summary>
    public const string ReportBackUnappraised = "SG2402";

    // Linking: a reference points at nothing.
    public const string UnknownDeputy = "SG3101";
    public const string UnknownStation = "SG3102";
    public const string BrokenLink = "SG3103";
    public const string MissingImage = "SG3104";
    public const string UnknownRegion = "SG3105";
    public const string UnknownDraft = "SG3106";
    public const string UnknownBallot = "SG3107";

    /// <summary>A story's suggestions: names a 建议编号 that input/suggestions/ does not have.</summary>
    public const string UnknownSuggestion = "SG3108";

    /// <summary>A deputy's photo that cannot be decoded as an image (wrong type under its extension, truncated, empty).</summary>
    public const string UnreadablePhoto = "SG3120";

    /// <summary>A deputy's photo too large to resize safely (file size or pixel count): it is not decoded.</summary>
    public const string PhotoTooLarge = "SG3121";

    /// <summary>A deputy's photo smaller than the profile needs: shown, but blurred (a warning).</summary>
    public const string PhotoTooSmall = "SG3122";

    /// <summary>A roster list (all, a level, a 代表组, a region) whose deputies have all left: its page says it has no serving deputy.</summary>
    public const string NoServingDeputies = "SG3130";

    /// <summary>A deputy's 履职承诺 that names a station (by its full name) other than the one the deputy is received at.</summary>
    public const string PledgeNamesOtherStation = "SG3131";

    /// <summary>Two drafts published under one title: a reader cannot tell them apart in lists, shares and calendars.</summary>
    public const string DraftTitleClash = "SG3132";

    /// <summary>A serving deputy no area filter of /deputies/ leads to (no township region and no 代表组).</summary>
    public const string DeputyWithoutArea = "SG3133";

    // Rendering and writing.
    public const string RenderFailed = "SG4001";

    /// <summary>A file in content/ at the path of a file the build generates (robots.txt, sitemap.xml, a page).</summary>
    public const string OutputCollision = "SG4002";

    /// <summary>An output folder a build must not replace: the site root or above it, or a source folder.</summary>
    public const string UnsafeOutput = "SG4003";

    /// <summary>The configured signing key (SITE_SIGNING_KEY or SITE_SIGNING_KEY_FILE) cannot be used.</summary>
    public const string SigningKey = "SG4004";
}
