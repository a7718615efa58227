namespace Governance.TestServices;

public static class Executables
{
    /// <summary>The program named by <paramref name="variable"/> when set, else <paramref name="name"/> found on PATH.</summary>
    public static string Find(string variable, string name, string howToInstall)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException($"{name} was not found: {howToInstall}, or set {variable} to its path.");
    }
}
