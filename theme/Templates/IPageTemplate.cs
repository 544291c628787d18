namespace Site.Theme.Templates;

/// <summary>
/// A page template and the view model it renders: the build plans pages with
/// <c>PageJob.For&lt;TTemplate, TModel&gt;</c>, so a template given the wrong model does not compile.
/// Each template says it with <c>@implements IPageTemplate&lt;XxxPage&gt;</c>; its <c>Page</c> parameter implements it.
/// </summary>
public interface IPageTemplate<TModel>
    where TModel : class
{
    TModel Page { get; set; }
}
