using Site.Generator.Diagnostics;
using Microsoft.AspNetCore.Components;
using Site.Generator.Vocabulary;
using Site.Theme.Templates;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// One page to render: its URL, the Razor template, and how to build its view model. The model is
/// built lazily, while rendering, so a 50,000-story site never holds every view model at once.
/// A job without a template writes the bytes its model builder returns (calendars).
/// </summary>
public sealed record PageJob(string Url, Type? Template, Func<object> BuildModel)
{
    public static PageJob File(string url, Func<byte[]> content) => new(url, null, content);

    /// <summary>A page rendered by <typeparamref name="TTemplate"/> from the model <paramref name="model"/> builds; a template that takes another model does not compile.</summary>
    public static PageJob For<TTemplate, TModel>(string url, Func<TModel> model)
        where TTemplate : IComponent, IPageTemplate<TModel>
        where TModel : class =>
        new(url, typeof(TTemplate), model);

    /// <summary>The file an author wrote this page from (null: made from the office's records), where a URL clash is reported.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>
    /// What the page's model is made of, for `serve`: when every value equals the previous build's
    /// (<see cref="object.Equals(object?, object?)"/>: the same record instances, which a rebuild keeps
    /// for unchanged files, compare at once), the model would be the same, so the page is kept without
    /// building and fingerprinting its model. Null from the function, or no function: always built.
    /// </summary>
    public Func<object?[]?>? Inputs { get; init; }

    /// <summary>Pretty URLs: /stories/a/ is written as stories/a/index.html.</summary>
    public string OutputPath => SiteRoutes.OutputPath(Url);
}
