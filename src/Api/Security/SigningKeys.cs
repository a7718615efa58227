using System.Security.Cryptography;
using Governance.Grains.Storage;

namespace Governance.Api.Security;

/// <summary>The HS256 key for self-hosted tokens: the configured one, or one generated once and kept on disk.</summary>
public static class SigningKeys
{
    public const int MinimumBytes = 32;

    public static byte[] Resolve(JwtOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return Decode(options.SigningKey, "Auth:Jwt:SigningKey");
        }

        var path = Path.GetFullPath(options.KeyFile, contentRoot);
        return File.Exists(path) ? Decode(File.ReadAllText(path), path) : Generate(path);
    }

    private static byte[] Generate(string path)
    {
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(64);
        try
        {
            // CreateNew: when two processes start at once, one writes and the other reads what it wrote.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = PrivateFiles.FileMode;
            }

            using var file = new FileStream(path, create);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(key));
            writer.Flush();
            file.Flush(flushToDisk: true);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key in {source} is not base64.");
        }

        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"The signing key in {source} has {key.Length} bytes; HS256 needs at least {MinimumBytes}.");
    }
}
