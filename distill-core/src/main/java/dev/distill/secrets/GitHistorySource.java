package dev.distill.secrets;

import dev.distill.DistillException;
import dev.distill.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads a git repository through JGit: every commit reachable from any ref, and for each the lines
 * it added (as {@code git log -p}: against the first parent, merges skipped, renames detected),
 * attributed to the commit. Also the staged changes (index against HEAD).
 */
final class GitHistorySource implements AutoCloseable {
  /**
   * Receives the added lines of one hunk: bytes, path, first line number, commit (or null); and the
   * files whose content is not scanned (binary, over the size limit), so rules on the path alone
   * still see them.
   */
  interface HunkSink {
    void accept(byte[] added, String path, int startLine, CommitInfo commit);

    void notScanned(String path, CommitInfo commit);
  }

  private final Repository repo;
  private final ScanOptions options;

  private GitHistorySource(Repository repo, ScanOptions options) {
    this.repo = repo;
    this.options = options;
  }

  static GitHistorySource open(Path dir, ScanOptions options, ProgressListener progress)
      throws IOException {
    FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment();
    b.findGitDir(dir.toFile());
    if (b.getGitDir() == null) {
      throw new DistillException(
          dir + " is not inside a git repository; scan it as a tree (--no-git) instead");
    }
    return new GitHistorySource(b.setMustExist(true).build(), options);
  }

  /** Whether {@code dir} is inside a git work tree or is a git directory. */
  static boolean isGitRepository(Path dir) {
    FileRepositoryBuilder b = new FileRepositoryBuilder();
    b.findGitDir(dir.toAbsolutePath().toFile());
    return b.getGitDir() != null;
  }

  /** Every commit reachable from any ref, newest first. */
  List<ObjectId> commits() throws IOException {
    List<ObjectId> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      boolean any = false;
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
        if (id == null) {
          continue;
        }
        try {
          walk.markStart(walk.parseCommit(id));
          any = true;
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException notACommit) {
          // a tag on a tree or blob: nothing to walk
        }
      }
      if (!any) {
        return out;
      }
      for (RevCommit c : walk) {
        out.add(c.copy());
      }
    }
    return out;
  }

  /** Sends the added lines of one commit, against its parent, to {@code sink}. */
  void addedFragments(ObjectId id, HunkSink sink, Consumer<String> notes) throws IOException {
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader()) {
      RevCommit commit = walk.parseCommit(id);
      if (commit.getParentCount() > 1) {
        return; // like git log -p: a merge shows no diff of its own
      }
      AbstractTreeIterator oldTree;
      if (commit.getParentCount() == 1) {
        RevCommit parent = walk.parseCommit(commit.getParent(0));
        oldTree = new CanonicalTreeParser(null, reader, parent.getTree());
      } else {
        oldTree = new EmptyTreeIterator();
      }
      AbstractTreeIterator newTree = new CanonicalTreeParser(null, reader, commit.getTree());
      PersonIdent author = commit.getAuthorIdent();
      CommitInfo info =
          new CommitInfo(
              commit.name(),
              author.getName(),
              author.getEmailAddress(),
              Instant.ofEpochMilli(author.getWhenAsInstant().toEpochMilli()).toString(),
              commit.getShortMessage());
      diff(reader, oldTree, newTree, info, sink, notes);
    }
  }

  /** Sends the lines added in the index against HEAD. */
  void stagedFragments(HunkSink sink, Consumer<String> notes) throws IOException {
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
      AbstractTreeIterator oldTree =
          head == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, head);
      AbstractTreeIterator index = new DirCacheIterator(repo.readDirCache());
      diff(reader, oldTree, index, null, sink, notes);
    }
  }

  private void diff(
      ObjectReader reader,
      AbstractTreeIterator oldTree,
      AbstractTreeIterator newTree,
      CommitInfo info,
      HunkSink sink,
      Consumer<String> notes)
      throws IOException {
    try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      df.setReader(reader, repo.getConfig());
      df.setDiffComparator(RawTextComparator.DEFAULT);
      df.setDetectRenames(true);
      df.setBinaryFileThreshold(Integer.MAX_VALUE);
      List<DiffEntry> entries = df.scan(oldTree, newTree);
      for (DiffEntry e : entries) {
        if (e.getChangeType() == DiffEntry.ChangeType.DELETE) {
          continue;
        }
        if (e.getNewMode() == org.eclipse.jgit.lib.FileMode.GITLINK) {
          continue;
        }
        String path = e.getNewPath();
        String where = info == null ? path : info.sha().substring(0, 12) + ":" + path;
        long size = reader.getObjectSize(e.getNewId().toObjectId(), Constants.OBJ_BLOB);
        if (options.maxFileBytes() > 0 && size > options.maxFileBytes()) {
          notes.accept(
              "skipped "
                  + where
                  + ": "
                  + size
                  + " bytes is over the size limit of "
                  + options.maxFileBytes()
                  + " bytes");
          sink.notScanned(path, info);
          continue;
        }
        byte[] content =
            reader
                .open(e.getNewId().toObjectId(), Constants.OBJ_BLOB)
                .getCachedBytes(Integer.MAX_VALUE);
        if (SecretScanner.isBinary(
            java.util.Arrays.copyOf(
                content, Math.min(content.length, SecretScanner.SNIFF_BYTES)))) {
          notes.accept("skipped " + where + ": binary content");
          sink.notScanned(path, info);
          continue;
        }
        List<Edit> edits = df.toFileHeader(e).toEditList();
        int[] starts = null;
        for (Edit edit : edits) {
          if (edit.getEndB() <= edit.getBeginB()) {
            continue;
          }
          if (starts == null) {
            starts = lineStarts(content);
          }
          int from = lineStart(starts, content, edit.getBeginB());
          int to = lineStart(starts, content, edit.getEndB());
          sink.accept(
              java.util.Arrays.copyOfRange(content, from, to), path, edit.getBeginB() + 1, info);
        }
      }
    }
  }

  /** Byte offset where 0-based line {@code line} starts (content length past the last line). */
  private static int lineStart(int[] starts, byte[] content, int line) {
    return line >= starts.length ? content.length : starts[line];
  }

  private static int[] lineStarts(byte[] content) {
    int lines = 1;
    for (int i = 0; i < content.length - 1; i++) {
      if (content[i] == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int k = 1;
    for (int i = 0; i < content.length - 1; i++) {
      if (content[i] == '\n') {
        starts[k++] = i + 1;
      }
    }
    return starts;
  }

  @Override
  public void close() {
    repo.close();
  }
}
