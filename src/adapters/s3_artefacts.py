"""The ArtefactStore of the functions: matcher artefacts in the Lambda package first
(`balie kb build` put the shared base's there), then in the artefact bucket, where the
tenant-build function stores what it trains. Artefacts are content-addressed and
immutable, so a cached copy is never stale.
"""
from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from adapters.kb_files import DirectoryArtefacts, compiled_directory
from core.errors import ServiceUnavailable


class PackagedOrS3Artefacts:
    def __init__(self, s3: Any, bucket: str, package: DirectoryArtefacts | None = None) -> None:
        self._s3 = s3
        self._bucket = bucket
        self._package = package

    @property
    def package(self) -> DirectoryArtefacts:
        if self._package is None:
            self._package = DirectoryArtefacts(compiled_directory())
        return self._package

    def get(self, name: str) -> bytes | None:
        packaged = self.package.get(name)
        if packaged is not None:
            return packaged
        try:
            return self._s3.get_object(Bucket=self._bucket, Key=name)["Body"].read()
        except ClientError as error:
            if str(error.response.get("Error", {}).get("Code")) in ("NoSuchKey", "404"):
                return None
            raise ServiceUnavailable("The artefact bucket is not available.") from error
        except BotoCoreError as error:
            raise ServiceUnavailable("The artefact bucket is not available.") from error

    def put(self, name: str, data: bytes) -> None:
        """Stores the artefact in the bucket unless it is there already (an artefact never
        changes): also one from the package, so a version built on it can still be read
        once a later deployment's package no longer holds it."""
        try:
            self._s3.head_object(Bucket=self._bucket, Key=name)
            return
        except ClientError as error:
            if str(error.response.get("Error", {}).get("Code")) not in ("404", "NoSuchKey", "NotFound"):
                raise ServiceUnavailable("The artefact bucket is not available.") from error
        except BotoCoreError as error:
            raise ServiceUnavailable("The artefact bucket is not available.") from error
        try:
            self._s3.put_object(Bucket=self._bucket, Key=name, Body=data, ContentType="application/octet-stream")
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The artefact bucket is not available.") from error
