namespace Site.Intake.Storage.Schema;

/// <summary>The schema files (one per database dialect), embedded in the assembly.</summary>
public static class StoreSchema
{
    public static string Sqlite => Read("sqlite.sql");

    public static string PostgreSql => Read("postgresql.sql");

    private static string Read(string name)
    {
        using var stream = typeof(StoreSchema).Assembly.GetManifestResourceStream("Site.Intake.Storage.Schema." + name)
            ?? throw new InvalidOperationException($"schema {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
