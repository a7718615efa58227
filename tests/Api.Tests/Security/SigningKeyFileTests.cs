using Governance.Api.Security;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The single-node signing key can mint any member's token, so on Unix it is generated rw------- in a directory
/// created rwx------. (Windows has no such modes; there the user profile's access rules apply.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeyFileTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "governance-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    [Fact]
    public void A_generated_key_and_the_directory_made_for_it_are_the_owners_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var key = SigningKeys.Resolve(new JwtOptions(), _contentRoot);

        var file = Path.Combine(_contentRoot, "data", "jwt-signing.key");
        Assert.Equal(key, Convert.FromBase64String(File.ReadAllText(file)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.Equal(key, SigningKeys.Resolve(new JwtOptions(), _contentRoot));
    }
}
