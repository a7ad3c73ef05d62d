# Brandsmith in one container: the studio and the API on port 8080, kits and settings under /data.
FROM node:20-slim AS node-packages
WORKDIR /build
COPY fonts/package.json fonts/package-lock.json ./fonts/
RUN cd fonts && npm ci --no-audit --no-fund --loglevel=error
COPY icons/package.json icons/package-lock.json ./icons/
RUN cd icons && npm ci --no-audit --no-fund --loglevel=error
COPY assets/package.json assets/package-lock.json ./assets/
RUN cd assets && npm ci --no-audit --no-fund --loglevel=error

FROM python:3.12-slim AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8080 \
    BRANDSMITH_DATA_DIR=/data \
    BRANDSMITH_FONTS_DIR=/app/fonts/node_modules/@fontsource \
    BRANDSMITH_ICONS_DIR=/app/icons/node_modules/@tabler/icons
WORKDIR /app
COPY pyproject.toml README.md ./
COPY branding ./branding
COPY components ./components
RUN pip install --no-cache-dir .
COPY app.py ./
COPY assets ./assets

# The stylesheet and icons are built from the UI code with the Tailwind CLI (node) and NiceGUI's Quasar (Python);
# node stays in this stage, out of the final image.
FROM app AS assets
COPY --from=node-packages /usr/local/bin/node /usr/local/bin/node
COPY --from=node-packages /build/assets/node_modules ./assets/node_modules
COPY scripts/build_assets.py ./scripts/
RUN python scripts/build_assets.py && test -s assets/dist/studio.css && test -s assets/dist/icons.js

FROM app
COPY --from=assets /app/assets/dist ./assets/dist
COPY --from=node-packages /build/fonts/node_modules ./fonts/node_modules
COPY --from=node-packages /build/icons/node_modules ./icons/node_modules
RUN useradd --create-home --uid 10001 brandsmith && mkdir -p /data && chown brandsmith /data
USER brandsmith
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8080\")}/health', timeout=4)"
CMD ["python", "app.py"]
