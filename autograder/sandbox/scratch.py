"""Worker scratch folders: remove them whatever a worker left there, and measure them.

A worker owns its scratch folder, so what is in it is hostile: a tree thousands of folders
deep (too deep for a recursive walk, its paths longer than PATH_MAX), folders without read or
search permission, symlinks pointing anywhere. Both functions here walk with file
descriptors relative to their parent folder, iteratively, never follow a symlink, and give
their own permission back to a folder that has lost it.

Like ``codec.py``, this file imports only the standard library: the zygote loads it by path,
outside the ``autograder`` package.

Example::

    remove_tree("/tmp/autograder-scratch-x/3")   # gone, however deep or locked
    usage("/tmp/autograder-scratch-x", limit=10_000)  # (bytes, entries), counting stops at limit
"""

import os
import stat

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def _open_folder(name, parent_fd=None):
    """A descriptor of the folder ``name`` (in ``parent_fd``), its permission restored if a
    worker took it away; None when it is not a folder or cannot be opened."""
    for attempt in range(2):
        try:
            return os.open(name, _DIRECTORY, dir_fd=parent_fd)
        except PermissionError:
            if attempt:
                return None
            try:
                os.chmod(name, 0o700, dir_fd=parent_fd)
            except OSError:
                return None
        except OSError:
            return None
    return None


def _empty_files(fd):
    """Unlink every entry of the folder ``fd`` that is not a folder; return the folders'
    names."""
    folders = []
    try:
        entries = list(os.scandir(fd))
    except OSError:
        return folders
    for entry in entries:
        try:
            is_folder = stat.S_ISDIR(entry.stat(follow_symlinks=False).st_mode)
        except OSError:
            continue
        if is_folder:
            folders.append(entry.name)
            continue
        try:
            os.unlink(entry.name, dir_fd=fd)
        except OSError:
            pass
    return folders


def remove_tree(path):
    """Remove the folder ``path`` and everything in it; quietly leave what cannot go.

    Depth costs no recursion and no open descriptors: the walk keeps one descriptor and goes
    back up through "..", which nothing renames any more (the workers are dead). A folder is
    listed once; its sub-folders wait in a list of names.
    """
    fd = _open_folder(path)
    if fd is None:
        try:
            os.unlink(path)
        except OSError:
            pass
        return
    pending, descended = [_empty_files(fd)], []
    while True:
        if pending[-1]:
            name = pending[-1].pop()
            child = _open_folder(name, fd)
            if child is None:
                continue
            os.close(fd)
            fd = child
            descended.append(name)
            pending.append(_empty_files(fd))
            continue
        pending.pop()
        if not descended:
            os.close(fd)
            break
        parent = os.open("..", _DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = parent
        try:
            os.rmdir(descended.pop(), dir_fd=fd)
        except OSError:
            pass
    try:
        os.rmdir(path)
    except OSError:
        pass


def usage(path, limit):
    """(bytes, entries) under the folder ``path``, counting at most ``limit`` entries (a
    worker may make millions: past the limit the answer is only "too many").

    Allocated blocks are counted, not file sizes, so sparse files cost what they use.
    """
    total, entries = 0, 0
    folders = [path]
    while folders and entries < limit:
        try:
            listing = os.scandir(folders.pop())
        except OSError:
            continue
        with listing:
            for entry in listing:
                entries += 1
                if entries >= limit:
                    break
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                total += info.st_blocks * 512
                if stat.S_ISDIR(info.st_mode):
                    folders.append(entry.path)
    return total, entries
