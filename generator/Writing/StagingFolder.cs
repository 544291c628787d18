namespace Site.Generator.Writing;

/// <summary>
/// How the build replaces an output folder (the site, and the endpoint's data) without anyone
/// seeing half of it: everything is written into <c>folder.staging</c>, which is swapped in whole
/// once the build has no errors, or discarded.
/// </summary>
public static class StagingFolder
{
    public static string PathOf(string folder) => folder + ".staging";

    /// <summary>An empty staging folder beside <paramref name="folder"/> (one a failed build left is removed first).</summary>
    public static string Create(string folder)
    {
        var staging = PathOf(folder);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Replaces <paramref name="folder"/> with its staging folder: two renames, then the old one is removed.</summary>
    public static void SwapIn(string folder)
    {
        var old = folder + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(folder))
        {
            Directory.Move(folder, old);
        }

        Directory.Move(PathOf(folder), folder);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Removes the staging folder of a build that will not commit.</summary>
    public static void Discard(string folder)
    {
        var staging = PathOf(folder);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
