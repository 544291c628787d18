using Site.Generator.Diagnostics;

namespace Site.Generator.Validation;

/// <summary>What a reference points at; the linker checks each against the loaded records.</summary>
public enum ReferenceKind
{
    Deputy,
    Station,
    Region,

    /// <summary>A draft by its slug (a later reading's <c>previous:</c>).</summary>
    Draft,

    /// <summary>A suggestion by its number (建议编号), as a story's <c>suggestions:</c> names it.</summary>
    Suggestion,

    /// <summary>An image file, by its site path (/stories/2026/cover.jpg): it must be a static file of content/.</summary>
    Image,
}

/// <summary>An id written somewhere, kept with its position until the linker can check it.</summary>
public sealed record Reference(ReferenceKind Kind, string Id, SourceLocation Location, string Field);
