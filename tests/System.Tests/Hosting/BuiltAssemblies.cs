namespace Governance.System.Tests.Hosting;

/// <summary>The server assemblies built alongside these tests, in the same configuration.</summary>
public static class BuiltAssemblies
{
    public static string Api => PathOf("Api");

    public static string Silo => PathOf("Silo");

    private static string PathOf(string project)
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("Governance.sln not found above the tests."),
            "src", project, "bin", configuration, "net10.0", $"Governance.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/{project} first.", path);
    }
}
