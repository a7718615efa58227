namespace Governance.TestServices;

/// <summary>The server assemblies built alongside these tests, in the same configuration.</summary>
public static class BuiltAssemblies
{
    public static string Api => PathOf("Api");

    public static string Silo => PathOf("Silo");

    private static string PathOf(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = RepositoryRoot.Combine("src", project, "bin", configuration, "net10.0", $"Governance.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/{project} first.", path);
    }
}
