namespace Site.Generator.Build;

/// <summary>
/// An internal failure (a bug or a broken machine, not bad content) in one step of the recipe,
/// named so the report says where the build was. Content errors never throw: they are diagnostics.
/// The CLI answers it with exit code 2.
/// </summary>
public sealed class BuildStepException(string step, Exception inner)
    : Exception($"生成步骤“{step}”内部出错（build step '{step}' failed）：{inner.Message}", inner)
{
    public string Step { get; } = step;
}
