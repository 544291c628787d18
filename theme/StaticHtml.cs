using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Site.Theme.Layouts;
using Site.Theme.ViewModels;

namespace Site.Theme;

/// <summary>
/// Renders a template to an HTML string with Razor's in-box <see cref="HtmlRenderer"/>: used by the
/// build for every page and by the endpoint for the pages it answers itself (search results), so both
/// come out of the same layout.
/// </summary>
public static class StaticHtml
{
    // The services every renderer needs; singletons, so all renderers share one provider.
    private static readonly IServiceProvider Services = BuildServices();

    /// <summary>
    /// A renderer has one dispatcher: give each worker thread its own. It also keeps every component it
    /// rendered until it is disposed, so long runs replace it now and then; creating one is cheap.
    /// </summary>
    public static HtmlRenderer CreateRenderer() => new(Services, NullLoggerFactory.Instance);

    private static ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);

        // The default encoder writes every Chinese character as &#x...; — three times the bytes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<IComponentActivator>(new ParameterlessActivator());
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Creates each component with its parameterless constructor (every theme and framework component
    /// has one). The default activator builds a factory per component type for constructor injection,
    /// which no component here uses: an expression tree compiled and JIT-compiled anew in every process,
    /// a fixed cost that weighs on a small site's build.
    /// </summary>
    private sealed class ParameterlessActivator : IComponentActivator
    {
        public IComponent CreateInstance([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type componentType) =>
            Activator.CreateInstance(componentType) as IComponent
            ?? throw new ArgumentException($"{componentType.FullName} is not a component.", nameof(componentType));
    }

    public static Task<string> RenderAsync(HtmlRenderer renderer, SiteChrome chrome, Type template, object model) =>
        renderer.Dispatcher.InvokeAsync(async () => (await RenderRootAsync(renderer, chrome, template, model)).ToHtmlString());

    /// <summary>
    /// Writes the page into <paramref name="output"/>: the build gives each worker one writer over a
    /// large buffer, so a page's HTML is not grown chunk by chunk and then copied into a string
    /// (a large part of Razor's time in profiles of large builds).
    /// </summary>
    public static Task RenderAsync(HtmlRenderer renderer, SiteChrome chrome, Type template, object model, TextWriter output) =>
        renderer.Dispatcher.InvokeAsync(async () => (await RenderRootAsync(renderer, chrome, template, model)).WriteHtmlTo(output));

    private static async Task<Microsoft.AspNetCore.Components.Web.HtmlRendering.HtmlRootComponent> RenderRootAsync(HtmlRenderer renderer, SiteChrome chrome, Type template, object model)
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(PageHost.Shared)] = await ChromeMarkup.ForAsync(renderer, chrome),
            [nameof(PageHost.Template)] = template,
            [nameof(PageHost.Model)] = model,
        });
        return await renderer.RenderComponentAsync<PageHost>(parameters);
    }
}
