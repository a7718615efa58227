using System.Reflection;
using Governance.Api.Security;
using Governance.Deploy.Tests.Manifests;
using Governance.Silo.Dashboard;

namespace Governance.Deploy.Tests.Images;

/// <summary>An image the manifests run, the Dockerfile that builds it, and the assembly it starts.</summary>
internal sealed record ImageBuild(string Image, Dockerfile Dockerfile, Assembly Assembly)
{
    public static IReadOnlyList<ImageBuild> All { get; } =
    [
        new(ClusterManifests.SiloImage, new Dockerfile("src/Silo/Dockerfile"), typeof(DashboardAccessOptions).Assembly),
        new(ClusterManifests.ApiImage, new Dockerfile("src/Api/Dockerfile"), typeof(JwtOptions).Assembly),
    ];
}
