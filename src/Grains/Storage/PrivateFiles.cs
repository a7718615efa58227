namespace Governance.Grains.Storage;

/// <summary>
/// Directories and files only their owner may read: ballots, delegations and app key hashes are nobody else's
/// business on a shared machine. On Windows the user profile's access rules apply instead, so nothing is changed there.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rwx------: the owner lists, enters and writes; nobody else does anything.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw-------.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the directory, and any missing parent, private; one that exists is left as its owner set it.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Creates the file empty and private when missing, and makes an existing one private.</summary>
    public static void CreateOrRestrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = FileMode }).Dispose();
        Restrict(path);
    }

    /// <summary>Makes the file private if it exists; a file a release before this one left readable by others is tightened.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && File.GetUnixFileMode(path) != FileMode)
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
