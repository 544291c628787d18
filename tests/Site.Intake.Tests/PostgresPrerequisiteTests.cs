using System.Reflection;

namespace Site.Intake.Tests;

public sealed class PostgresPrerequisiteTests
{
    /// <summary>
    /// A plain [Fact] in the PostgreSQL collection would fail, not skip, on a machine without
    /// PostgreSQL: every test there (inherited ones too) must say [PostgresFact] or [PostgresTheory].
    /// </summary>
    [Fact]
    public void PostgresCollection_EveryTest_IsSkippedWithoutPostgres()
    {
        var classes = typeof(PostgresServer).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute) && (string?)a.ConstructorArguments[0].Value == nameof(PostgresServer)))
            .ToList();
        Assert.NotEmpty(classes);

        var plain = classes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Class: t, Method: m)))
            .Where(x => x.Method.GetCustomAttributes<FactAttribute>().Any(a => a is not PostgresFactAttribute and not PostgresTheoryAttribute))
            .Select(x => $"{x.Class.Name}.{x.Method.Name}")
            .ToList();
        Assert.True(plain.Count == 0, "use [PostgresFact]/[PostgresTheory] in the PostgreSQL collection: " + string.Join(", ", plain));
    }
}
