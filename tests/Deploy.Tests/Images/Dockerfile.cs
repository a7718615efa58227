using System.Globalization;
using Governance.TestServices;

namespace Governance.Deploy.Tests.Images;

/// <summary>The instructions of a Dockerfile this repository builds an image from.</summary>
internal sealed class Dockerfile(string relativePath)
{
    private readonly string[] _lines = File.ReadAllLines(RepositoryRoot.Combine(relativePath.Split('/')));

    public string RelativePath => relativePath;

    public IReadOnlySet<int> ExposedPorts =>
        Arguments("EXPOSE")
            .SelectMany(arguments => arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(port => int.Parse(port.Split('/')[0], CultureInfo.InvariantCulture))
            .ToHashSet();

    public string? Entrypoint => Arguments("ENTRYPOINT").LastOrDefault();

    public string? User => Arguments("USER").LastOrDefault();

    private IEnumerable<string> Arguments(string instruction) =>
        _lines
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(instruction + " ", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(instruction.Length + 1)..].Trim());
}
