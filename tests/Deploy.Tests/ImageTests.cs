using Governance.Deploy.Tests.Images;

namespace Governance.Deploy.Tests;

public sealed class ImageTests
{
    [Fact]
    public void Each_dockerfile_starts_the_assembly_of_its_project_as_a_non_root_user()
    {
        var problems = new List<string>();
        foreach (var build in ImageBuild.All)
        {
            var expected = $"[\"dotnet\", \"{build.Assembly.GetName().Name}.dll\"]";
            if (build.Dockerfile.Entrypoint != expected)
            {
                problems.Add($"{build.Dockerfile.RelativePath}: ENTRYPOINT is {build.Dockerfile.Entrypoint ?? "not set"}, expected {expected}");
            }

            if (build.Dockerfile.User != "$APP_UID")
            {
                problems.Add($"{build.Dockerfile.RelativePath}: USER is {build.Dockerfile.User ?? "not set"}, expected $APP_UID");
            }
        }

        Findings.AssertNone(problems);
    }
}
