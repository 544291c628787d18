using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Generator.Rendering.Markdown;

/// <summary>
/// Chinese written in an editor that wraps lines: a soft line break between two Chinese characters is
/// not a space. CommonMark turns every soft break into a line ending, which a browser shows as a space
/// ("桂花 坪") and which the search index keeps as a word boundary (桂花坪 is not found). After parsing,
/// this removes each soft break (<see cref="LineBreakInline"/> with <c>IsHard</c> false) that
/// <see cref="Joins"/> two characters, so the HTML and the plain text the index takes both read
/// "桂花坪"; Latin words across a break keep their space.
/// </summary>
public sealed class CjkSoftBreakExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Join;
        pipeline.DocumentProcessed += Join;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Removes the soft breaks that fall between two characters that join.</summary>
    public static void Join(MarkdownDocument document)
    {
        List<LineBreakInline>? joined = null;
        foreach (var lineBreak in document.Descendants<LineBreakInline>())
        {
            if (!lineBreak.IsHard && !lineBreak.IsBackslash
                && LastRune(lineBreak.PreviousSibling) is { } before
                && FirstRune(lineBreak.NextSibling) is { } after
                && CjkText.Joins(before, after))
            {
                (joined ??= []).Add(lineBreak);
            }
        }

        // Removed after the walk: the walk must not see the tree change under it.
        foreach (var lineBreak in joined ?? [])
        {
            lineBreak.Remove();
        }
    }

    /// <summary>The last character an inline shows (inside emphasis or a link, its last literal's).</summary>
    private static Rune? LastRune(Inline? inline) => inline switch
    {
        LiteralInline literal => Last(literal.Content.AsSpan()),
        CodeInline code => Last(code.Content.AsSpan()),
        ContainerInline container => LastRune(container.LastChild),
        _ => null,
    };

    private static Rune? FirstRune(Inline? inline) => inline switch
    {
        LiteralInline literal => First(literal.Content.AsSpan()),
        CodeInline code => First(code.Content.AsSpan()),
        ContainerInline container => FirstRune(container.FirstChild),
        _ => null,
    };

    private static Rune? Last(ReadOnlySpan<char> text) =>
        !text.IsEmpty && Rune.DecodeLastFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;

    private static Rune? First(ReadOnlySpan<char> text) =>
        !text.IsEmpty && Rune.DecodeFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;
}

/// <summary>Which characters are Chinese (or Japanese) for joining lines, shared by Markdown and draft texts.</summary>
public static class CjkText
{
    /// <summary>
    /// Whether a line break between <paramref name="before"/> and <paramref name="after"/> is dropped
    /// rather than read as a space. The rule is CSS Text Module Level 3's segment break transformation
    /// (§4.1.3): removed when both sides are East Asian Wide, Fullwidth or Halfwidth and neither is
    /// Hangul. The quotation marks “”‘’, the ellipsis …, the dash — and the middle dot · are East Asian
    /// Ambiguous; Chinese text sets them full width, so next to a wide character they join too.
    /// </summary>
    public static bool Joins(Rune before, Rune after) =>
        (IsWide(before) && (IsWide(after) || IsChinesePunctuation(after)))
        || (IsChinesePunctuation(before) && IsWide(after));

    /// <summary>The same for two pieces of text: the last character of one, the first of the other.</summary>
    public static bool Joins(ReadOnlySpan<char> before, ReadOnlySpan<char> after) =>
        !before.IsEmpty && !after.IsEmpty
        && Rune.DecodeLastFromUtf16(before, out var last, out _) == System.Buffers.OperationStatus.Done
        && Rune.DecodeFromUtf16(after, out var first, out _) == System.Buffers.OperationStatus.Done
        && Joins(last, first);

    /// <summary>East Asian Width W, F or H (Unicode UAX #11), without Hangul and emoji.</summary>
    public static bool IsWide(Rune rune)
    {
        var c = rune.Value;
        return c is (>= 0x2E80 and <= 0x303E)     // CJK radicals, Kangxi radicals, CJK symbols and punctuation
            or (>= 0x3041 and <= 0x312F)           // Hiragana, Katakana, Bopomofo
            or (>= 0x3190 and <= 0x33FF)           // Kanbun, CJK strokes, enclosed CJK, CJK compatibility
            or (>= 0x3400 and <= 0x4DBF)           // CJK Extension A
            or (>= 0x4E00 and <= 0x9FFF)           // CJK Unified Ideographs
            or (>= 0xF900 and <= 0xFAFF)           // CJK Compatibility Ideographs
            or (>= 0xFE10 and <= 0xFE19)           // vertical forms
            or (>= 0xFE30 and <= 0xFE6F)           // CJK compatibility forms, small form variants
            or (>= 0xFF01 and <= 0xFF60)           // fullwidth forms (，。：（） and fullwidth Latin)
            or (>= 0xFF61 and <= 0xFF9F)           // halfwidth CJK punctuation and Katakana
            or (>= 0xFFE0 and <= 0xFFE6)           // fullwidth signs (￥)
            or (>= 0x20000 and <= 0x3FFFD);        // CJK Extensions B and later
    }

    private static bool IsChinesePunctuation(Rune rune) =>
        rune.Value is '“' or '”' or '‘' or '’' or '…' or '—' or '·';
}
